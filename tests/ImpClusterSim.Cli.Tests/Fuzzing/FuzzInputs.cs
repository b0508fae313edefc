using System.Text;

namespace ImpClusterSim.Cli.Tests.Fuzzing;

/// <summary>
/// The inputs the fuzzer starts from: the shipped scenarios, topologies and certificate files of the repository, and
/// generated command lines and shell scripts. Also the regression corpus (tests/ImpClusterSim.Cli.Tests/Fuzzing/Corpus).
/// </summary>
public static class FuzzInputs
{
    /// <summary>The repository's root: the folder above the test binaries that holds ImpClusterSim.sln.</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static IReadOnlyList<string> Scenarios { get; } =
        [.. Directory.EnumerateFiles(Path.Combine(RepoRoot, "scenarios"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Topologies { get; } =
        [.. Directory.EnumerateFiles(Path.Combine(RepoRoot, "configs", "topologies"), "*.yaml").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Certificates { get; } =
        [.. Directory.EnumerateFiles(Path.Combine(RepoRoot, "tests", "ImpClusterSim.Pki.Tests", "TestData"), "*.crt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(40)];

    /// <summary>The regression corpus: every input that ever failed, and the minimal input of each class of issue 10.</summary>
    public static string CorpusDirectory { get; } = Path.Combine(RepoRoot, "tests", "ImpClusterSim.Cli.Tests", "Fuzzing", "Corpus");

    /// <summary>Corpus files by kind: the folder names the kind (scenarios, topologies, certificates, arguments, shell).</summary>
    public static IEnumerable<(FuzzKind Kind, string Path)> Corpus() =>
        new[] { ("scenarios", FuzzKind.Scenario), ("topologies", FuzzKind.Topology), ("certificates", FuzzKind.Certificate), ("arguments", FuzzKind.Arguments), ("shell", FuzzKind.ShellScript) }
            .Where(k => Directory.Exists(Path.Combine(CorpusDirectory, k.Item1)))
            .SelectMany(k => Directory.EnumerateFiles(Path.Combine(CorpusDirectory, k.Item1)).Order(StringComparer.Ordinal).Select(p => (k.Item2, p)));

    private static readonly string[][] CommandLines =
    [
        ["run", "{scenario}"],
        ["run", "{scenario}", "--seed", "7", "--until", "10m"],
        ["run", "{scenario}", "--json"],
        ["run", "--topology", "{topology}", "--until", "10m"],
        ["run", "{scenario}", "--trace", "{dir}/t.jsonl"],
        ["run", "{scenario}", "--log", "{dir}/l.clef"],
        ["validate", "{scenario}", "{scenario}"],
        ["campaign", "{scenario}", "--seeds", "2", "--first-seed", "5"],
        ["pki", "inspect", "{cert}"],
        ["pki", "verify", "{cert}", "--trust", "{cert}"],
        ["shell", "--topology", "lab", "--script", "{dir}/missing.txt"],
        ["--help"],
        ["run", "--help"],
    ];

    private static readonly string[] ArgumentJunk =
        ["", " ", "--", "-", "--until", "--seed", "--seeds", "--first-seed", "-1", "18446744073709551616", "10675199d", "６h", "٥", "--trace", "/dev/full",
         "/dev/zero", "/proc/self/mem", "{dir}", "{dir}/no/such/file", "--json", "--report", "--log", "/", "\u0000", "x\ny", "%s%n", "--topology", "nosuch"];

    private static readonly string[] ShellLines =
    [
        "nodes", "status", "peers", "help", "use imp-a-pub", "use cucm-pub", "exit", "advance 5m", "advance 30m", "advance 90s",
        "partition imp-a imp-b", "partition imp-a-pub imp-b-pub --one-way", "heal", "heal imp-a|imp-b", "crash imp-a-sub1",
        "restart imp-a-sub1", "skew imp-b-pub -2h", "skew imp-a-pub +30m", "peer imp-a imp-b", "utils service list",
        "set cert regen tomcat", "yes", "no", "show cert own tomcat/tomcat.pem", "show cert list own", "utils fips enable",
        "utils dbreplication runtimestate", "utils service restart Cisco Tomcat", "save {dir}/saved.yaml",
    ];

    /// <summary>A command line built from a template and mutated: one argument per line.</summary>
    public static string CommandLine(FuzzMutator m)
    {
        var args = m.Pick(CommandLines).ToList();
        var edits = 1 + m.Next(3);
        for (var i = 0; i < edits; i++)
        {
            switch (m.Next(4))
            {
                case 0: args.Insert(m.Next(args.Count + 1), m.Pick(ArgumentJunk)); break;
                case 1: if (args.Count > 1) args.RemoveAt(m.Next(args.Count)); break;
                case 2: args[m.Next(args.Count)] = m.Pick(ArgumentJunk); break;
                default: var at = m.Next(args.Count); args[at] = m.Mutate(args[at], out _).Replace("\n", "", StringComparison.Ordinal); break;
            }
        }

        // Work that is long by design is not what the fuzzer looks for: no benchmarks, no big campaigns, no shell on stdin.
        if (args.FirstOrDefault() is "bench" || (args.FirstOrDefault() is "shell" && !args.Contains("--script"))) args = ["--help"];
        if (args.FirstOrDefault() is "campaign" && !args.Contains("--seeds")) args.AddRange(["--seeds", "1"]);
        return string.Join('\n', args) + "\n";
    }

    /// <summary>A shell script of a few lines from the shell's vocabulary, then mutated.</summary>
    public static string ShellScript(FuzzMutator m)
    {
        var lines = Enumerable.Range(0, 3 + m.Next(10)).Select(_ => m.Pick(ShellLines)).ToList();
        var script = string.Join('\n', lines) + "\n";
        return m.Mutate(script, out _);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImpClusterSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ImpClusterSim.sln not found above " + AppContext.BaseDirectory);
    }
}
