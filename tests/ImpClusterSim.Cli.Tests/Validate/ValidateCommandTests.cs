using System.CommandLine;
using ImpClusterSim.Cli.Validate;

namespace ImpClusterSim.Cli.Tests.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Valid = "name: ok\ndeployment:\n  topology: two-clusters\nsteps:\n  - node: imp-a-pub\n    cli: utils service list\n";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-validate-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand("test") { ValidateCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = root.Parse(["validate", .. args]);
        var exit = parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_valid_file_prints_ok_and_exits_0()
    {
        var path = Write("a.yaml", Valid);
        var (exit, stdout, stderr) = Invoke(path);
        Assert.Equal(0, exit);
        Assert.Equal($"{path}: ok", stdout.Trim());
        Assert.Empty(stderr);
    }

    [Fact]
    public void Every_error_of_every_file_is_printed_and_the_exit_is_2()
    {
        var good = Write("good.yaml", Valid);
        var bad = Write("bad.yaml", Valid.Replace("imp-a-pub", "imp-x").Replace("two-clusters\n", "two-clusters\nuntil: forever\n"));
        var worse = Write("worse.yaml", "name: w\ndeployment: { topology: two-clusters }\nsteps:\n  - node: imp-a-pub\n    reboot: now\n");
        var (exit, stdout, stderr) = Invoke(good, bad, worse);
        Assert.Equal(2, exit);
        Assert.Contains($"{good}: ok", stdout);
        Assert.Contains("3 files: 1 valid, 2 invalid (3 errors)", stdout);
        var lines = stderr.Trim().Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{bad}:4:8: 'until': 'forever' is not a duration", lines[0]);
        Assert.StartsWith($"{bad}:6:11: unknown node 'imp-x'", lines[1]);
        Assert.StartsWith($"{worse}:5:5: unknown operation 'reboot'", lines[2]);
    }

    [Fact]
    public void A_missing_file_is_reported_and_exits_2()
    {
        var missing = Path.Combine(_dir.FullName, "nope.yaml");
        var (exit, _, stderr) = Invoke(missing);
        Assert.Equal(2, exit);
        Assert.StartsWith($"{missing}:1:1: cannot read the scenario file", stderr);
    }

    [Fact]
    public void The_shipped_examples_validate()
    {
        var examples = Directory.GetFiles(Path.Combine(RepoRoot(), "scenarios", "examples"), "*.yaml");
        Assert.NotEmpty(examples);
        var (exit, stdout, stderr) = Invoke(examples);
        Assert.True(exit == 0, stderr);
        Assert.Equal(examples.Length, stdout.Split('\n').Count(l => l.EndsWith(": ok", StringComparison.Ordinal)));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "scenarios", "examples"))) return dir.FullName;
        throw new DirectoryNotFoundException("scenarios/examples not found above the test folder");
    }
}
