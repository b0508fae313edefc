using System.CommandLine;

namespace ImpClusterSim.Cli.Pki;

/// <summary>`impsim pki`: check and inspect X.509 certificates with the simulator's own PKI library.</summary>
public static class PkiCommand
{
    public static Command Create()
    {
        var command = new Command("pki", "Verify certificate chains and inspect certificates with the simulator's PKI library");
        command.Subcommands.Add(PkiVerifyCommand.Create());
        command.Subcommands.Add(PkiInspectCommand.Create());
        return command;
    }
}
