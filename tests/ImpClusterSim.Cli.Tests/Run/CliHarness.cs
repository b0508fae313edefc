namespace ImpClusterSim.Cli.Tests.Run;

/// <summary>Runs `impsim` in-process with captured output.</summary>
internal static class CliHarness
{
    public static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ImpsimCommand.Invoke(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
