using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Tests.Language;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>A shrunk scenario written to another folder than its base still finds its files, and its header stays comments.</summary>
public sealed class ShrunkFileTextTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("shrunk-text-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Base = """
        name: relative
        until: 2h
        deployment:
          topology: mylab.yaml
        steps:
          - { at: 10m, node: imp-a-pub, banner: { file: texts/banner.txt } }
          - { at: 20m, node: imp-a-pub, menu: { path: "Certificate Management", action: Upload, args: { File: imp-a-pub/cup.pem } } }
        """;

    [Fact]
    public void Files_named_relative_to_the_base_scenario_are_named_relative_to_the_folder_it_is_written_to()
    {
        var from = Directory.CreateDirectory(Path.Combine(_root, "scenarios")).FullName;
        Directory.CreateDirectory(Path.Combine(from, "texts"));
        File.Copy(RepoRoot.File("configs", "topologies", "lab.yaml"), Path.Combine(from, "mylab.yaml"));
        File.WriteAllText(Path.Combine(from, "texts", "banner.txt"), "Authorised use only.");
        var to = Directory.CreateDirectory(Path.Combine(_root, "out", "failures")).FullName;

        var composed = ChaosScenarioText.Compose(Base, 7, TimeSpan.FromHours(2), [], ["Shrunk from seed 7.", "Replay: here"]);
        var moved = ChaosScenarioText.Relocate(composed, from, to);

        Assert.StartsWith("# Shrunk from seed 7.\n# Replay: here\n", moved);
        Assert.Contains("topology: ../../scenarios/mylab.yaml", moved);
        Assert.Contains("file: ../../scenarios/texts/banner.txt", moved);
        Assert.Contains("File: imp-a-pub/cup.pem", moved); // a menu's downloaded file is not a path of this machine
        File.WriteAllText(Path.Combine(to, "chaos-seed-7.yaml"), moved);
        var (scenario, errors) = ScenarioLoader.Load(Path.Combine(to, "chaos-seed-7.yaml"));
        Assert.True(scenario is not null, string.Join("; ", errors));
        // Written next to its base, nothing moves.
        Assert.Equal(composed, ChaosScenarioText.Relocate(composed, from, from));
        Assert.Equal(composed, ChaosScenarioText.Relocate(composed, null, to));
    }

    [Fact]
    public void A_newline_in_a_header_line_is_written_as_an_escape_and_the_file_still_parses()
    {
        var text = ChaosScenarioText.Compose("name: x\nuntil: 1h\ndeployment: { topology: lab }\n", 1, TimeSpan.FromHours(1), [],
            ["Base: nl\nfoo: bar.yaml. Failure signature: s."]);

        Assert.StartsWith("# Base: nl\\nfoo: bar.yaml. Failure signature: s.\n", text);
        var (scenario, errors) = ScenarioLoader.Parse(text, "x.yaml");
        Assert.True(scenario is not null, string.Join("; ", errors));
    }
}
