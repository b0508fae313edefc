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
}
