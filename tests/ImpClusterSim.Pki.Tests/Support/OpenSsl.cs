using System.Diagnostics;

namespace ImpClusterSim.Pki.Tests;

/// <summary>Runs openssl (found on PATH by <see cref="ExternalTools"/>) with a timeout and returns its exit code and output.</summary>
internal static class OpenSsl
{
    public static string Executable => ExternalTools.OpenSsl ?? throw new InvalidOperationException(ExternalTools.Missing("openssl", "openssl"));

    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', arguments)} did not finish in 30 s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
