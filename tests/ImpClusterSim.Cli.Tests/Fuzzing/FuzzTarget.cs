using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ImpClusterSim.Cli.Tests.Fuzzing;

/// <summary>
/// Plays fuzz cases through <c>impsim</c> in-process, each command on its own thread with a wall-time bound, and
/// judges them (docs/testing.md): exit 0, 1 or 2; no stack trace; within <see cref="TimeBound"/>; managed heap below
/// <see cref="HeapBound"/> afterwards.
/// </summary>
public sealed partial class FuzzTarget : IDisposable
{
    /// <summary>Longest wall time one command may take (generous: CI machines are shared).</summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(90);

    /// <summary>Most managed heap after a command: 1.5 GiB.</summary>
    public const long HeapBound = 3L << 29;

    /// <summary>A short valid scenario on the lab topology (the fixture {scenario}).</summary>
    public const string ShortScenario = "name: fuzz\nuntil: 20m\ndeployment:\n  topology: lab\nexpect:\n  - at: 10m\n    node-up: imp-a-pub\n";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-fuzz-");
    private int _files;

    public FuzzTarget()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "short.yaml"), ShortScenario);
        File.Copy(Path.Combine(FuzzInputs.RepoRoot, "configs", "topologies", "lab.yaml"), Path.Combine(_dir.FullName, "lab-topology.yaml"));
        File.Copy(FuzzInputs.Certificates.First(), Path.Combine(_dir.FullName, "cert.crt"));
    }

    public void Dispose()
    {
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Plays a case; the verdict is null when every command ended well, else why not.</summary>
    public (IReadOnlyList<FuzzRun> Runs, string? Verdict) Play(FuzzCase c)
    {
        var runs = new List<FuzzRun>();
        foreach (var args in Commands(c))
        {
            var run = Invoke(args);
            runs.Add(run);
            if (Judge(run) is { } verdict) return (runs, verdict);
            // A valid scenario or topology is also run (briefly); anything else stops at its first command.
            if (run.Exit != 0) break;
        }

        return (runs, null);
    }

    /// <summary>Why a run is not acceptable, or null.</summary>
    public static string? Judge(FuzzRun run)
    {
        if (run.Exit == -1) return $"did not end within {TimeBound.TotalSeconds:0} s";
        if (run.Exit is not (0 or 1 or 2)) return $"exit {run.Exit} (expected 0, 1 or 2)";
        if (StackFrame().IsMatch(run.Output) || StackFrame().IsMatch(run.Error)) return "printed a stack trace";
        if (run.Error.Contains("internal error", StringComparison.Ordinal)) return "internal error";
        if (run.HeapBytes > HeapBound) return $"managed heap {run.HeapBytes >> 20} MiB after the command";
        return null;
    }

    private IEnumerable<string[]> Commands(FuzzCase c)
    {
        switch (c.Kind)
        {
            case FuzzKind.Scenario:
            {
                var file = Write("scenario", ".yaml", c.Content);
                yield return ["validate", file];
                yield return ["run", file, "--until", "20m"];
                break;
            }

            case FuzzKind.Topology:
            {
                var topology = Write("topology", ".yaml", c.Content);
                var scenario = Write("uses-topology", ".yaml", Encoding.UTF8.GetBytes(ShortScenario.Replace("topology: lab", $"topology: {Path.GetFileName(topology)}")));
                yield return ["validate", scenario];
                yield return ["run", scenario, "--until", "20m"];
                break;
            }

            case FuzzKind.Certificate:
            {
                var file = Write("cert", ".crt", c.Content);
                yield return ["pki", "inspect", file];
                break;
            }

            case FuzzKind.ShellScript:
            {
                var file = Write("script", ".txt", Encoding.UTF8.GetBytes(Fixture(Encoding.UTF8.GetString(c.Content))));
                yield return ["shell", "--script", file];
                break;
            }

            default:
            {
                var text = Encoding.UTF8.GetString(c.Content).Replace("\r\n", "\n");
                yield return [.. text.Split('\n').Where((l, i) => i < text.Split('\n').Length - 1 || l.Length > 0).Select(Fixture)];
                break;
            }
        }
    }

    private string Fixture(string arg) => arg
        .Replace("{scenario}", Path.Combine(_dir.FullName, "short.yaml"), StringComparison.Ordinal)
        .Replace("{topology}", Path.Combine(_dir.FullName, "lab-topology.yaml"), StringComparison.Ordinal)
        .Replace("{cert}", Path.Combine(_dir.FullName, "cert.crt"), StringComparison.Ordinal)
        .Replace("{dir}", _dir.FullName, StringComparison.Ordinal);

    private string Write(string stem, string extension, byte[] content)
    {
        var path = Path.Combine(_dir.FullName, $"{stem}-{++_files}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }

    private static FuzzRun Invoke(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = -1;
        var wall = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                exit = ImpsimCommand.Invoke(args, output, error);
            }
            catch (Exception e)
            {
                exit = -2;
                error.WriteLine("escaped ImpsimCommand.Invoke: " + e);
            }
        }) { IsBackground = true, Name = "fuzz" };
        thread.Start();
        var ended = thread.Join(TimeBound);
        wall.Stop();
        var command = "impsim " + string.Join(' ', args.Select(a => a.Contains(' ') || a.Length == 0 ? $"'{a}'" : a));
        lock (output)
        {
            return new FuzzRun(command, ended ? exit : -1, output.ToString(), error.ToString(), wall.Elapsed, GC.GetTotalMemory(false));
        }
    }

    [GeneratedRegex(@"^\s+at [\w.`<>$]+[.(]", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
