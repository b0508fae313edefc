using System.Text.Json;
using System.Text.Json.Nodes;
using ImpClusterSim.Scenarios.Language;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>docs/scenario.schema.json and the validator cannot drift: same kinds, and every example fits both.</summary>
public sealed class SchemaTests
{
    private static readonly string SchemaPath = RepoRoot.File("docs", "scenario.schema.json");
    private static readonly string[] StepKeys = ["label", "at", "after", "node", "nodes", "cluster", "publisher-of"];
    private static readonly string[] FaultKeys = ["id", "at", "for", "until"];
    private static readonly string[] ExpectationKeys = ["name", "at", "within", "after", "always", "until"];

    private static JsonObject Schema() => JsonNode.Parse(File.ReadAllText(SchemaPath))!.AsObject();

    private static string[] Kinds(JsonObject schema, string entry, string[] ownKeys) =>
        [.. schema["$defs"]![entry]!["properties"]!.AsObject().Select(p => p.Key).Except(ownKeys).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        var generated = ScenarioSchema.Generate();
        if (Environment.GetEnvironmentVariable("IMPSIM_WRITE_SCHEMA") == "1") File.WriteAllText(SchemaPath, generated);
        Assert.True(File.ReadAllText(SchemaPath).ReplaceLineEndings("\n") == generated,
            "docs/scenario.schema.json is stale: run the scenario tests once with IMPSIM_WRITE_SCHEMA=1 and commit it");
    }

    [Fact]
    public void The_schema_is_draft_2020_12()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", doc.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Schema_and_validator_know_the_same_operations()
    {
        Assert.Equal(ScenarioVocabulary.OperationNames.Order(StringComparer.Ordinal), Kinds(Schema(), "step", StepKeys));
        Assert.Equal(24, ScenarioVocabulary.Operations.Length);
    }

    [Fact]
    public void Schema_and_validator_know_the_same_faults_and_conditions()
    {
        Assert.Equal(ScenarioVocabulary.FaultNames.Order(StringComparer.Ordinal), Kinds(Schema(), "fault", FaultKeys));
        Assert.Equal(ScenarioVocabulary.ConditionNames.Order(StringComparer.Ordinal), Kinds(Schema(), "expectation", ExpectationKeys));
    }

    [Fact]
    public void Every_operation_argument_is_in_the_schema()
    {
        var defs = Schema()["$defs"]!.AsObject();
        foreach (var op in ScenarioVocabulary.Operations)
        {
            var def = defs["operation-" + op.Name]!;
            var obj = def["oneOf"] is JsonArray alts ? alts.First(a => a!["type"]?.ToString() == "object")! : def;
            var keys = obj["properties"]?.AsObject().Select(p => p.Key).ToArray() ?? [];
            Assert.Equal(op.Args.Select(a => a.Key), keys);
        }
    }

    public static TheoryData<string> Examples() => ExampleScenarioTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_fits_the_schema(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepoRoot.File("scenarios", "examples", name))));
        var schema = Schema();
        var validator = new MiniSchemaValidator(schema);
        validator.Validate(MiniSchemaValidator.ToJson(yaml.Documents[0].RootNode), schema, "$");
        Assert.True(validator.Errors.Count == 0, string.Join("\n", validator.Errors));
    }

    [Theory]
    [InlineData("cucm-imp-certificate-exchange.yaml")]
    [InlineData("sip-intra-cluster-transport.yaml")]
    [InlineData("xmpp-secure-modes.yaml")]
    public void The_scenarios_with_sip_trunk_secure_and_setting_active_fit_the_schema(string name)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepoRoot.File("scenarios", name))));
        var schema = Schema();
        var validator = new MiniSchemaValidator(schema);
        validator.Validate(MiniSchemaValidator.ToJson(yaml.Documents[0].RootNode), schema, "$");
        Assert.True(validator.Errors.Count == 0, string.Join("\n", validator.Errors));
    }

    [Theory]
    [InlineData("sip-trunk-secure: { node: cucm-pub, trunk: T, trunkk: x }")]
    [InlineData("sip-trunk-secure: { node: cucm-pub, trunk: T, secure: maybe }")]
    [InlineData("sip-trunk-secure: { node: cucm-pub }")]
    [InlineData("setting-active: { node: imp-a-pub, name: sip-transport, value: TCP }")]
    [InlineData("setting-active: { node: imp-a-pub, name: sip-intra-cluster-transport }")]
    public void The_schema_rejects_what_the_validator_rejects_in_the_new_conditions(string condition)
    {
        var schema = Schema();
        var validator = new MiniSchemaValidator(schema);
        var yaml = new YamlStream();
        yaml.Load(new StringReader($"name: x\ndeployment: {{ topology: lab }}\nexpect:\n  - at: 1h\n    {condition}\n"));
        Assert.False(validator.Validate(MiniSchemaValidator.ToJson(yaml.Documents[0].RootNode), schema, "$"));
        Assert.NotEmpty(ScenarioText.Errors(ScenarioText.Head + $"expect:\n  - at: 1h\n    {condition}\n"));
    }

    [Fact]
    public void Every_kind_used_by_the_examples_is_in_the_schema()
    {
        var schema = Schema();
        var operations = Kinds(schema, "step", StepKeys);
        var faults = Kinds(schema, "fault", FaultKeys);
        var conditions = Kinds(schema, "expectation", ExpectationKeys);
        foreach (var file in Directory.GetFiles(RepoRoot.File("scenarios", "examples"), "*.yaml"))
        {
            var (s, errors) = ScenarioLoader.Load(file);
            Assert.True(errors.IsEmpty, string.Join("\n", errors));
            Assert.All(s!.Steps, x => Assert.Contains(x.Operation.Kind, operations));
            Assert.All(s.Faults, x => Assert.Contains(x.Action.Kind, faults));
            Assert.All(s.Expectations, x => Assert.Contains(x.Condition.Kind, conditions));
        }
    }

    [Fact]
    public void The_schema_check_can_fail()
    {
        var schema = Schema();
        var validator = new MiniSchemaValidator(schema);
        var yaml = new YamlStream();
        yaml.Load(new StringReader("name: x\ndeployment: { topology: default }\nsteps:\n  - node: a\n    frobnicate: 1\n"));
        Assert.False(validator.Validate(MiniSchemaValidator.ToJson(yaml.Documents[0].RootNode), schema, "$"));
    }

    [Fact]
    public void Every_record_kind_matches_the_vocabulary_name()
    {
        var kinds = typeof(Operation).Assembly.GetTypes()
            .Where(t => t.IsSealed && (t.IsSubclassOf(typeof(Operation)) || t.IsSubclassOf(typeof(FaultAction)) || t.IsSubclassOf(typeof(Condition))))
            .ToList();
        Assert.NotEmpty(kinds);
        var all = ScenarioVocabulary.OperationNames.Concat(ScenarioVocabulary.FaultNames).Concat(ScenarioVocabulary.ConditionNames).ToHashSet();
        var span = new SourceSpan("f", 1, 1);
        Assert.Contains(new ServiceControl(ServiceAction.Stop, "Cisco Tomcat", span).Kind, all);
        Assert.Contains(new ServiceFault(true, "n", "Cisco Tomcat", span).Kind, all);
        Assert.Contains(new TrustStoreHolds(new Target(TargetKind.Node, ["n"], ["n"], span), "tomcat-trust", "ca", false, span).Kind, all);
    }
}
