using System.Text.Json;

namespace ImpClusterSim.Cli.Tests.Bench;

public sealed class BenchCommandTests
{
    private static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ImpsimCommand.Invoke(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_gives_each_figure_its_samples_median_spread_target_and_verdict()
    {
        var (exit, stdout, stderr) = Invoke("bench", "--only", "keygen", "--repetitions", "2", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("repetitions").GetInt32());
        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(["keygen-ec-p256", "keypool-rsa-2048-parse", "keypool-rsa-2048-cached"], figures.Select(f => f.GetProperty("id").GetString()));
        foreach (var f in figures)
        {
            var samples = f.GetProperty("samples").EnumerateArray().Select(s => s.GetDouble()).ToList();
            Assert.Equal(2, samples.Count);
            var median = f.GetProperty("median").GetDouble();
            Assert.Equal((samples[0] + samples[1]) / 2, median, 9);
            Assert.Equal(samples.Min(), f.GetProperty("min").GetDouble());
            Assert.Equal(samples.Max(), f.GetProperty("max").GetDouble());
            var target = f.GetProperty("target");
            var value = target.GetProperty("value").GetDouble();
            var met = target.GetProperty("sense").GetString() == "at-most" ? median <= value : median >= value;
            Assert.Equal(met ? "pass" : "short", f.GetProperty("verdict").GetString());
            Assert.False(string.IsNullOrWhiteSpace(target.GetProperty("basis").GetString()));
            Assert.Equal("keygen", f.GetProperty("measurement").GetString());
        }
        Assert.Equal(figures.Count, root.GetProperty("passed").GetInt32() + root.GetProperty("short").GetInt32());
        // Progress went to standard error while it measured, and the JSON alone to standard output.
        Assert.Contains("bench: [1/2] repetition 1 of 2: key generation and key pool, per key ...", stderr);
        Assert.Contains("bench: [2/2] repetition 2 of 2", stderr);
    }

    [Fact]
    public void The_table_names_each_figure_with_its_target_and_verdict()
    {
        var (exit, stdout, _) = Invoke("bench", "--only", "keygen", "-n", "1");

        Assert.Equal(0, exit);
        Assert.Contains("median of 1 repetition", stdout);
        var row = stdout.Split('\n').Single(l => l.TrimStart().StartsWith("keypool-rsa-2048-cached", StringComparison.Ordinal));
        Assert.Contains("<= 0.050 ms/key", row);
        Assert.Contains("one sample", row);
        Assert.Matches(@"\b(pass|short)\b", row);
        Assert.Contains("3 figures", stdout);
        Assert.DoesNotContain(" \n", stdout);
    }

    [Theory]
    [InlineData("--only", "valdation", "--only: no measurement 'valdation'; did you mean 'validation'?")]
    [InlineData("--repetitions", "0", "--repetitions 0 is out of range (1 to 100)")]
    [InlineData("--repetitions", "101", "--repetitions 101 is out of range (1 to 100)")]
    public void Bad_options_exit_2_with_the_reason(string option, string value, string message)
    {
        var (exit, stdout, stderr) = Invoke("bench", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Only_with_a_suite_is_refused()
    {
        var (exit, _, stderr) = Invoke("bench", "--pki", "--only", "keygen");
        Assert.Equal(2, exit);
        Assert.Contains("--only names the measurements itself", stderr);
    }
}
