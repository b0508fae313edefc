using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Common;

/// <summary>Bad command-line input is described in the user's terms: no .NET type names, directories named as such.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-errors-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("run", "--seed", "abc", "--seed 'abc' is not a whole number from 0 to 18446744073709551615")]
    [InlineData("campaign", "--seeds", "many", "--seeds 'many' is not a whole number")]
    public void A_value_of_the_wrong_kind_says_what_it_should_be_without_a_type_name(string command, string option, string value, string expected)
    {
        var (exit, stdout, stderr) = CliHarness.Invoke(command, option, value);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_horizon_must_be_positive()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("run", "--until", "0s");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("'--until': 0s is out of range: the horizon must be from 1ms", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_option_gets_the_nearest_one()
    {
        var (exit, _, stderr) = CliHarness.Invoke("run", "--sed", "3");

        Assert.Equal(2, exit);
        Assert.Contains("did you mean '--seed'?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_given_as_the_scenario_is_named_as_a_directory()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("run", _dir.FullName);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("is a directory, not a file", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_names_a_directory_as_a_directory()
    {
        var (exit, _, stderr) = CliHarness.Invoke("validate", _dir.FullName);

        Assert.Equal(2, exit);
        Assert.Contains("is a directory, not a file", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_directory_as_the_trace_file_and_a_file_as_the_report_directory_are_refused_before_the_run()
    {
        var file = Path.Combine(_dir.FullName, "plain.txt");
        File.WriteAllText(file, "x");

        var trace = CliHarness.Invoke("run", "--until", "1h", "--trace", _dir.FullName);
        var report = CliHarness.Invoke("run", "--until", "1h", "--report", file);

        Assert.Equal(2, trace.Exit);
        Assert.Equal("", trace.Out);
        Assert.Contains($"--trace: cannot write '{_dir.FullName}': it is a directory; name a file to write", trace.Err, StringComparison.Ordinal);
        Assert.Equal(2, report.Exit);
        Assert.Equal("", report.Out);
        Assert.Contains($"--report '{file}' is a file", report.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_tables_have_no_trailing_blanks()
    {
        var (_, stdout, _) = CliHarness.Invoke("run", "--until", "2h");

        var padded = stdout.Split('\n').Where(l => l.EndsWith(' ')).ToList();
        Assert.True(padded.Count == 0, $"{padded.Count} lines end with blanks, e.g. '{padded.FirstOrDefault()}'");
        Assert.Contains("Timeline", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_and_export_certs_say_what_they_wrote()
    {
        var report = Path.Combine(_dir.FullName, "report");
        var certs = Path.Combine(_dir.FullName, "certs");

        var (_, stdout, _) = CliHarness.Invoke("run", "--until", "1h", "--report", report, "--export-certs", certs);

        Assert.Contains($"report: {Path.Combine(report, "report.html")}", stdout, StringComparison.Ordinal);
        var count = Directory.GetFiles(certs, "*.pem", SearchOption.AllDirectories).Length;
        Assert.True(count > 0);
        Assert.Contains($"certificates: {count} PEM files under {certs}", stdout, StringComparison.Ordinal);
    }
}
