using System.CommandLine;
using ImpClusterSim.Cli.Bench;
using ImpClusterSim.Cli.Campaign;
using ImpClusterSim.Cli.Chaos;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Distributed;
using ImpClusterSim.Cli.Live;
using ImpClusterSim.Cli.Pki;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Cli.Shell;
using ImpClusterSim.Cli.Studies;
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
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(LiveCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(ChaosCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        return root;
    }

    private static IEnumerable<string> HelpPath(Command command)
    {
        var path = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault()) path.Insert(0, c.Name);
        path.Add("--help");
        return path;
    }

    /// <summary>The (sub)command the leading words of <paramref name="args"/> name ("chaos", "pki inspect"), without parsing the rest.</summary>
    private static Command CommandOf(IEnumerable<string> args)
    {
        Command command = Create();
        foreach (var word in args)
        {
            if (command.Subcommands.FirstOrDefault(c => c.Name == word) is not { } sub) break;
            command = sub;
        }

        return command;
    }

    public static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        // An empty argument is never a file name, a number or a word: refused before anything is parsed or opened.
        if (Array.FindIndex(args, a => a.Trim().Length == 0) is var empty and >= 0)
        {
            error.WriteLine($"impsim: argument {empty + 1} is empty{(empty > 0 ? $" (after '{args[empty - 1]}')" : "")}: give a file name or a value");
            error.WriteLine($"Try '{Invocation.CommandLine(HelpPath(CommandOf(args[..empty])))}'.");
            return ExitCodes.BadInput;
        }

        // A NUL can be no part of a path or a value (found by the fuzzer: FileInfo threw from inside the parser).
        if (Array.FindIndex(args, a => a.Contains('\0', StringComparison.Ordinal)) is var nul and >= 0)
        {
            error.WriteLine($"impsim: argument {nul + 1} contains a NUL character: give a file name or a value");
            return ExitCodes.BadInput;
        }

        ParseResult parse;
        try
        {
            parse = Create().Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error.WriteLine($"impsim: {e.Message}");
            error.WriteLine($"Try '{Invocation.CommandLine(["--help"])}'.");
            return ExitCodes.BadInput;
        }

        var unknown = ParseErrors.UnknownOptions(args, parse.CommandResult.Command);
        if (unknown.Count > 0 || parse.Errors.Count > 0)
        {
            // An unknown option first: the errors it causes downstream (a value left over) would only confuse.
            var messages = unknown.Count > 0 ? unknown : parse.Errors.Select(e => ParseErrors.Describe(e.Message, parse.CommandResult.Command)).ToList();
            foreach (var m in messages) error.WriteLine($"impsim: {m}");
            error.WriteLine($"Try '{Invocation.CommandLine(HelpPath(parse.CommandResult.Command))}'.");
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
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last line of the input boundary: a defect still gets one line, never a stack trace on its own.
            error.WriteLine($"impsim: internal error (a defect of impsim; please report it with the command line): {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("IMPSIM_VERBOSE") == "1") error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }
}
