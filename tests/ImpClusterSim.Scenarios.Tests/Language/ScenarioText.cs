using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>Helpers: a valid scenario head on the embedded two-clusters topology, and parsing with errors as strings.</summary>
internal static class ScenarioText
{
    /// <summary>Lines 1-8; a test's own lines start at line 9.</summary>
    public const string Head =
        "name: t\n" +                         // 1
        "until: 24h\n" +                      // 2
        "deployment:\n" +                     // 3
        "  topology: two-clusters\n" +        // 4
        "cas:\n" +                            // 5
        "  - name: root\n" +                  // 6
        "  - { name: issuing, signed-by: root }\n" + // 7
        "# end of head\n";                    // 8

    public static (Scenario? Scenario, ImmutableArray<ScenarioError> Errors) Parse(string yaml) =>
        ScenarioLoader.Parse(yaml, "s.yaml", RepoRoot.Path);

    public static string[] Errors(string yaml) => [.. Parse(yaml).Errors.Select(e => e.ToString())];

    public static Scenario Valid(string yaml)
    {
        var (scenario, errors) = Parse(yaml);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        return scenario!;
    }
}
