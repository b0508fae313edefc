using System.CommandLine;
using ImpClusterSim.Cli.Bench;
using ImpClusterSim.Cli.Campaign;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Pki;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Cli.Shell;
using ImpClusterSim.Cli.Validate;

namespace ImpClusterSim.Cli;

/// <summary>The `impsim` command line: its subcommands, and the rule that bad input exits with 2 and no stack trace.</summary>
public static class ImpsimCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("ImpClusterSim: a deterministic simulator of Cisco IM and Presence 9.0(1) cluster security");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(PkiCommand.Create());
        root.Subcommands.Add(ShellCommand.Create());
        root.Subcommands.Add(CampaignCommand.Create());
        return root;
    }

    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"impsim: {e.Message}");
            error.WriteLine("Try 'impsim --help'.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            error.WriteLine($"impsim: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
