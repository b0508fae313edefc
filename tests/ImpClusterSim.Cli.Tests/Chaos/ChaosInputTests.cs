using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Chaos;

/// <summary>
/// `impsim chaos` refuses bad input as run, validate, campaign and sweep do: exit 2, a message saying what and where,
/// before any seed runs; never a hang, an unbounded read or an internal error.
/// </summary>
public sealed class ChaosInputTests : IDisposable
{
    private const string OneNodeTopology = """
        cucm-clusters:
          - name: cucm
            nodes:
              - { name: cucm-pub, fqdn: cucm-pub.example.com, ip: 10.20.0.10, role: publisher }
        imp-clusters: []
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-chaos-input-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertBadInput((int Exit, string Out, string Err) result, string message)
    {
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_the_scenario_is_refused_without_reading_it()
    {
        if (!File.Exists("/dev/zero")) return;
        AssertBadInput(CliHarness.Invoke("chaos", "/dev/zero", "--seeds", "1"), "'/dev/zero' is a character device, not a regular file");
    }

    [Fact]
    public void An_oversized_scenario_is_refused_by_its_size_before_it_is_read()
    {
        var big = Path.Combine(_dir.FullName, "big.yaml");
        using (var f = File.Create(big)) f.SetLength(50L << 20); // sparse: 50 MiB without writing them
        AssertBadInput(CliHarness.Invoke("chaos", big, "--seeds", "1"), "is 50 MiB (52428800 bytes), larger than the 1 MiB (1048576 bytes) a file may have here");
    }

    [Fact]
    public void A_directory_as_the_scenario_is_named_as_a_directory()
    {
        AssertBadInput(CliHarness.Invoke("chaos", _dir.FullName, "--seeds", "1"), $"scenario file '{_dir.FullName}' is a directory, not a file");
    }

    [Fact]
    public async Task A_fifo_as_the_scenario_is_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Path.Combine(_dir.FullName, "ff.yaml");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) await mk.WaitForExitAsync();
        var run = Task.Run(() => CliHarness.Invoke("chaos", fifo, "--seeds", "1"));
        try
        {
            AssertBadInput(await run.WaitAsync(TimeSpan.FromSeconds(60)), "is a FIFO (named pipe), not a regular file");
        }
        catch (TimeoutException)
        {
            // Unblock the reader so that the test process can end, then fail.
            await using (new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
            Assert.Fail("impsim chaos blocked opening a FIFO");
        }
    }

    [Fact]
    public void A_topology_without_nodes_is_bad_input_not_an_internal_error()
    {
        var topology = Write("emptyclusters.yaml", "imp-clusters: []\ncucm-clusters: []\n");
        AssertBadInput(CliHarness.Invoke("chaos", "--topology", topology, "--seeds", "1", "--until", "2h"),
            "the deployment of chaos-workload has no nodes: chaos needs at least one node to fault");

        var scenario = Write("empty.yaml", "name: empty\nuntil: 2h\ndeployment:\n  topology: { cucm-clusters: [], imp-clusters: [] }\n");
        AssertBadInput(CliHarness.Invoke("chaos", scenario, "--seeds", "1"), "the deployment of empty has no nodes");
    }

    [Theory]
    [InlineData("--report")]
    [InlineData("--out")]
    public void A_file_as_an_output_folder_is_refused_before_any_seed_runs(string option)
    {
        var file = Write("afile", "x");
        // Without the check up front, 30 seeds would run and the failure come only when writing.
        var result = CliHarness.Invoke("chaos", "--seeds", "30", option, file);
        AssertBadInput(result, $"{option} '{file}' is a file; name a directory (it is created if missing)");
        Assert.Equal("x", File.ReadAllText(file));

        AssertBadInput(CliHarness.Invoke("chaos", "--seeds", "30", option, Path.Combine(file, "sub")), $"'{file}' is a file, not a directory");
    }

    [Theory]
    [InlineData("campaign")]
    [InlineData("sweep")]
    public void Campaign_and_sweep_refuse_a_file_as_the_report_folder_before_any_seed_runs(string command)
    {
        var file = Write("afile", "x");
        AssertBadInput(CliHarness.Invoke(command, "--seeds", "50", "--report", file), $"--report '{file}' is a file; name a directory");
    }

    [Theory]
    [InlineData("0,5", "--intensity '0,5' is not a number (e.g. 2.5)")]
    [InlineData("1,0", "--intensity '1,0' is not a number (e.g. 2.5)")]
    [InlineData("1,000", "--intensity '1,000' is not a number (e.g. 2.5)")]
    [InlineData("NaN", "--intensity 'NaN' is not a number (e.g. 2.5)")]
    [InlineData("Infinity", "--intensity 'Infinity' is not a number (e.g. 2.5)")]
    [InlineData("1e400", "--intensity 1e400 is out of range (0.1 to 10)")]
    [InlineData("-1e400", "--intensity -1e400 is out of range (0.1 to 10)")]
    [InlineData(" 2", "--intensity ' 2' is not a number (e.g. 2.5)")]
    public void An_intensity_is_an_invariant_finite_decimal(string value, string message)
    {
        var result = CliHarness.Invoke("chaos", "--intensity", value);
        AssertBadInput(result, message);
        Assert.DoesNotContain("Infinity is out of range", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_intensity_with_a_point_is_read_as_written()
    {
        var (exit, json, stderr) = CliHarness.Invoke("chaos", "--topology", "lab", "--until", "2h", "--seeds", "1", "--intensity", "0.5", "--shrink-budget", "0", "--json");
        Assert.True(exit is 0 or 1, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(0.5, doc.RootElement.GetProperty("intensity").GetDouble());
    }

    [Fact]
    public void The_live_speed_takes_the_same_decimal_parser()
    {
        // Before: '1,5' was read as 15 and the run went on to the topology.
        AssertBadInput(CliHarness.Invoke("live", "--topology", "nosuch", "--speed", "1,5"), "--speed '1,5' is not a number (e.g. 2.5)");
        AssertBadInput(CliHarness.Invoke("node", "--name", "imp-a-pub", "--port", "30000", "--speed", "1e400"), "--speed 1e400 is out of range (0.01 to 10000 virtual seconds per wall second)");
    }

    [Theory]
    [InlineData("chaos")]
    [InlineData("sweep")]
    [InlineData("campaign")]
    public void A_seed_range_past_the_largest_seed_is_refused_instead_of_wrapping_to_0(string command)
    {
        var result = CliHarness.Invoke(command, "--first-seed", ulong.MaxValue.ToString(CultureInfo.InvariantCulture), "--seeds", "2");
        AssertBadInput(result, "goes past the largest seed, 18446744073709551615: the last seed would wrap to 0; use a --first-seed of at most 18446744073709551614");
    }

    [Fact]
    public void The_last_seed_itself_can_be_played()
    {
        // The range check refuses a wrap, not the largest seed.
        var (exit, stdout, stderr) = CliHarness.Invoke("chaos", "--topology", "lab", "--until", "2h", "--seeds", "1", "--shrink-budget", "0",
            "--first-seed", ulong.MaxValue.ToString(CultureInfo.InvariantCulture));
        Assert.True(exit is 0 or 1, stderr);
        Assert.Contains("(seeds 18446744073709551615..18446744073709551615)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_kinds_that_cannot_be_placed_at_all_are_refused_before_running()
    {
        // One IM&P cluster (cucm-pub and imp-a-pub).
        var topology = Write("onecluster.yaml", Live.LiveTestSupport.TwoNodes);
        AssertBadInput(CliHarness.Invoke("chaos", "--topology", topology, "--faults", "name-resolution", "--seeds", "3", "--intensity", "10", "--until", "2h"),
            "--faults name-resolution: no fault can be placed in the deployment of chaos-workload: name-resolution needs two IM&P clusters");
    }

    [Fact]
    public void Fault_kinds_that_cannot_be_placed_are_named_in_a_warning_and_the_others_played()
    {
        var topology = Write("onenode.yaml", OneNodeTopology);
        // One node: no partition (it needs two nodes); crashes are placed. Without the guard the generator threw.
        var (exit, stdout, stderr) = CliHarness.Invoke("chaos", "--topology", topology, "--faults", "partition,crash", "--seeds", "4", "--intensity", "10",
            "--until", "2h", "--shrink-budget", "0");
        Assert.True(exit is 0 or 1, stderr);
        Assert.Contains("impsim: warning: no partition fault can be placed in the deployment of chaos-workload: partition needs two nodes (the deployment has 1)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        Assert.Contains("chaos chaos-workload: 4 runs", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 faults generated", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_places_nothing_it_cannot_place_in_a_one_node_deployment()
    {
        var topology = Domain.Topology.TopologyLoader.Parse(OneNodeTopology);
        var all = Scenarios.Chaos.ChaosFaultKinds.All;
        var generator = new Scenarios.Chaos.FaultScheduleGenerator(topology, TimeSpan.FromHours(20), new Scenarios.Chaos.ChaosProfile { Intensity = 10 });
        var faults = Enumerable.Range(1, 20).SelectMany(s => generator.Generate((ulong)s).Faults).ToList();
        Assert.NotEmpty(faults);
        Assert.DoesNotContain(faults, f => f.Kind is "partition" or "link" or "name-resolution");
        Assert.All(faults, f => Assert.Contains(f.Kind, all.Append("clock-skew")));
    }

    [Theory]
    [InlineData("chaos", "--faults", "")]
    [InlineData("chaos", "--report", "")]
    [InlineData("chaos", "--intensity", "")]
    [InlineData("run", "")]
    [InlineData("pki", "inspect", "")]
    public void An_empty_argument_names_the_help_of_its_command_as_the_user_typed_it(params string[] args)
    {
        var command = args.TakeWhile(a => !a.StartsWith('-') && a.Length > 0).ToList();
        var result = CliHarness.Invoke(args);
        AssertBadInput(result, "is empty");
        Assert.Contains($"Try '{Invocation.CommandLine([.. command, "--help"])}'.", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seeds", "2147483648", "--seeds 2147483648 is out of range (1 to 1000000)")]
    [InlineData("--seeds", "1000001", "--seeds 1000001 is out of range (1 to 1000000)")]
    [InlineData("--jobs", "2147483648", "--jobs 2147483648 is out of range (1 to 256)")]
    [InlineData("--shrink-budget", "99999999999", "--shrink-budget 99999999999 is out of range (0 to 100000)")]
    [InlineData("--seeds", "many", "--seeds 'many' is not a whole number")]
    public void A_whole_number_too_large_is_out_of_range_with_the_range(string option, string value, string message)
    {
        var result = CliHarness.Invoke("chaos", option, value);
        AssertBadInput(result, message);
        if (value.All(char.IsAsciiDigit)) Assert.DoesNotContain("not a whole number", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("campaign", "--seeds", "2147483648", "--seeds 2147483648 is out of range (1 to 100000)")]
    [InlineData("sweep", "--jobs", "2147483648", "--jobs 2147483648 is out of range (1 to 256)")]
    [InlineData("run", "--seed", "18446744073709551616", "--seed 18446744073709551616 is out of range (0 to 18446744073709551615)")]
    public void Other_commands_say_out_of_range_too(string command, string option, string value, string message)
    {
        AssertBadInput(CliHarness.Invoke(command, option, value), message);
    }

    [Theory]
    [InlineData("nosuch", "--topology 'nosuch' is neither a topology file nor an embedded topology (default, two-clusters, lab)")]
    [InlineData("DEFAULT", "--topology 'DEFAULT' is neither a topology file nor an embedded topology (default, two-clusters, lab); did you mean 'default'?")]
    public void An_unknown_topology_lists_the_embedded_ones(string topology, string message)
    {
        AssertBadInput(CliHarness.Invoke("chaos", "--topology", topology, "--seeds", "1"), message);
    }

    [Theory]
    [InlineData("partition,,crash", "--faults 'partition,,crash': item 2 is empty")]
    [InlineData("crash,", "--faults 'crash,': item 2 is empty")]
    [InlineData(",crash", "--faults ',crash': item 1 is empty")]
    [InlineData("crahs", "--faults: unknown fault kind 'crahs'; did you mean 'crash'?")]
    public void An_empty_or_unknown_fault_kind_is_refused(string faults, string message)
    {
        AssertBadInput(CliHarness.Invoke("chaos", "--faults", faults, "--seeds", "1"), message);
    }
}
