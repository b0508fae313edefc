using ImpClusterSim.Domain.Input;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Boundary;

/// <summary>Class 4: non-regular and oversized files are refused with what they are, or their size, in the message.</summary>
public sealed class FileBoundaryTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-files-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Scenario(string topologyOrStep) =>
        $"name: t\nuntil: 1h\ndeployment:\n  topology: {topologyOrStep}\n";

    [Fact]
    public void A_topology_that_is_a_device_is_refused_without_reading_it()
    {
        if (OperatingSystem.IsWindows()) return;
        var (scenario, errors) = ScenarioLoader.Parse(Scenario("/dev/zero"), "s.yaml", _dir.FullName);
        Assert.Null(scenario);
        Assert.StartsWith("s.yaml:4:13: cannot read the topology file: '/dev/zero' is a character device, not a regular file", Assert.Single(errors).ToString());
    }

    [Fact]
    public void A_fifo_is_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Path.Combine(_dir.FullName, "topology.yaml");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) mk.WaitForExit();
        Assert.False(InputFile.TryReadText(fifo, InputFile.MaxTextBytes, out _, out var error));
        Assert.Contains("is a FIFO (named pipe), not a regular file", error);
        var (_, errors) = ScenarioLoader.Parse(Scenario("topology.yaml"), "s.yaml", _dir.FullName);
        Assert.Contains("a FIFO", Assert.Single(errors).Message);
    }

    [Fact]
    public void An_oversized_file_is_refused_with_its_size()
    {
        var big = Path.Combine(_dir.FullName, "big.yaml");
        using (var f = File.Create(big)) f.SetLength(3L << 30); // sparse: 3 GiB without writing them
        var (_, errors) = ScenarioLoader.Parse(Scenario("big.yaml"), "s.yaml", _dir.FullName);
        Assert.Contains("is 3 GiB (3221225472 bytes), larger than the 1 MiB (1048576 bytes) a file may have here", Assert.Single(errors).Message);
        var (_, own) = ScenarioLoader.Load(big);
        Assert.Contains("3 GiB", Assert.Single(own).Message);
    }

    [Fact]
    public void A_banner_file_that_is_a_device_is_refused_at_validation()
    {
        if (OperatingSystem.IsWindows()) return;
        var yaml = "name: t\nuntil: 1h\ndeployment:\n  topology: lab\nsteps:\n  - node: imp-a-pub\n    banner: { file: /dev/zero }\n";
        var (_, errors) = ScenarioLoader.Parse(yaml, "s.yaml", _dir.FullName);
        Assert.Equal("s.yaml:7:21: 'file': '/dev/zero' is a character device, not a regular file: only regular files are read", Assert.Single(errors).ToString());
    }

    [Fact]
    public void A_scenario_file_with_cr_only_line_endings_loads_like_its_lf_twin()
    {
        var lf = "name: t\nuntil: 1h\ndeployment:\n  topology: lab\nsteps:\n  - at: 5m\n    node: imp-a-pub\n    cli: show status\n";
        var a = Path.Combine(_dir.FullName, "lf.yaml");
        var b = Path.Combine(_dir.FullName, "cr.yaml");
        File.WriteAllText(a, lf);
        File.WriteAllBytes(b, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(lf.Replace("\n", "\r"))]);
        var (sa, ea) = ScenarioLoader.Load(a);
        var (sb, eb) = ScenarioLoader.Load(b);
        Assert.Empty(ea);
        Assert.Empty(eb);
        Assert.Equal(sa!.Steps.Single().At, sb!.Steps.Single().At);
        Assert.Equal(sa.Steps.Single().Span.Line, sb.Steps.Single().Span.Line);
    }
}
