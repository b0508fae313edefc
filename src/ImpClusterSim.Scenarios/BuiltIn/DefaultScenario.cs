using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.BuiltIn;

/// <summary>
/// The scenario `impsim run` plays without an argument: scenarios/ca-signed-tomcat.yaml, embedded in this assembly
/// (the CA-signed Tomcat rollout on two IM&amp;P clusters with a partition during the CA sync).
/// </summary>
public static class DefaultScenario
{
    public const string FileName = "ca-signed-tomcat.yaml";

    private const string Resource = "ImpClusterSim.Scenarios.BuiltIn.default-scenario.yaml";

    public static string Yaml()
    {
        using var stream = typeof(DefaultScenario).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource '{Resource}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed default scenario; its file is shown as "(embedded) ca-signed-tomcat.yaml".</summary>
    public static Scenario Load()
    {
        var (scenario, errors) = ScenarioLoader.Parse(Yaml(), "(embedded) " + FileName);
        return scenario ?? throw new InvalidOperationException("the embedded default scenario is invalid: " + string.Join("; ", errors));
    }
}
