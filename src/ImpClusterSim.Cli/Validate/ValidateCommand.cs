using System.CommandLine;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Cli.Validate;

/// <summary>
/// `impsim validate FILE...`: checks scenario files without running them (docs/scenarios.md). Prints "FILE: ok" for
/// each valid file and every error of every other file as file:line:column: message; exits 0 when all are valid, 2
/// when any is invalid or unreadable.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "Scenario YAML files to check",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check scenario files: every error at once, each at file:line:column") { files };
        command.SetAction(parse => Execute(
            parse.GetValue(files) ?? [],
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(FileInfo[] files, TextWriter output, TextWriter error)
    {
        var invalid = 0;
        var errorCount = 0;
        foreach (var file in files)
        {
            var shown = file.ToString();
            var (_, errors) = ScenarioLoader.Load(shown);
            if (errors.IsEmpty)
            {
                output.WriteLine($"{shown}: ok");
                continue;
            }

            invalid++;
            errorCount += errors.Length;
            foreach (var e in errors) error.WriteLine(e.ToString());
        }

        if (files.Length > 1)
        {
            var summary = invalid == 0
                ? $"{files.Length} files, all valid"
                : $"{files.Length} files: {files.Length - invalid} valid, {invalid} invalid ({errorCount} error{(errorCount == 1 ? "" : "s")})";
            output.WriteLine(summary);
        }

        return invalid == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
