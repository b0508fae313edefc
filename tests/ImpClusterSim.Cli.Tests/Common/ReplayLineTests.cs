using System.Diagnostics;
using System.Text.RegularExpressions;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Common;

/// <summary>The replay line a run prints, copied as it is, reproduces the run's trace hash.</summary>
public sealed partial class ReplayLineTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-replay-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void A_copied_replay_line_reproduces_the_trace_hash_in_process()
    {
        var scenario = RepoRoot.File("scenarios", "failures", "leaf-before-ca-reached-peer.yaml");
        var (_, first, _) = CliHarness.Invoke("run", scenario, "--seed", "9");
        var replay = ReplayLine().Match(first).Groups[1].Value;
        var hash = TraceHash().Match(first).Groups[1].Value;
        Assert.StartsWith(Invocation.Program + " run ", replay, StringComparison.Ordinal);
        Assert.Contains("--seed 9", replay, StringComparison.Ordinal);

        var words = ShellWords.Split(replay).Skip(ShellWords.Split(Invocation.Program).Count).ToArray();
        var (_, second, _) = CliHarness.Invoke(words);

        Assert.Equal(hash, TraceHash().Match(second).Groups[1].Value);
        Assert.Equal(replay, ReplayLine().Match(second).Groups[1].Value);
    }

    [Fact]
    public void Through_the_repository_script_the_replay_line_names_the_script_and_replays_the_same_hash()
    {
        // The script builds the tool when it is stale; the test runs it in the configuration the tests were built in,
        // which this build has just compiled, so no second build happens here.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var first = Bash($"./impsim run --seed 4 --until 2h", configuration);
        Assert.True(first.Exit is 0 or 1, first.Output);
        var replay = ReplayLine().Match(first.Output).Groups[1].Value;
        Assert.Equal("./impsim run --seed 4 --until 2h", replay);

        var second = Bash(replay, configuration);

        Assert.Equal(TraceHash().Match(first.Output).Groups[1].Value, TraceHash().Match(second.Output).Groups[1].Value);
        Assert.Matches("^[0-9a-f]{64}$", TraceHash().Match(second.Output).Groups[1].Value);
    }

    private static (int Exit, string Output) Bash(string commandLine, string configuration)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        start.Environment["IMPSIM_CONFIGURATION"] = configuration;
        start.Environment.Remove(Invocation.VariableName);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{commandLine}' did not finish within 5 minutes");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    [GeneratedRegex("^replay: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ReplayLine();

    [GeneratedRegex("^trace hash ([0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex TraceHash();
}
