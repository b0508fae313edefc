using System.CommandLine;
using System.Globalization;

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

    /// <summary>A UTC time as the pki commands print it (and as the validator's reasons write it): 2011-04-15T00:00:00Z.</summary>
    internal static string Time(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
