using System.Text.Json;
using System.Text.Json.Nodes;
using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of the scenario language from <see cref="ScenarioVocabulary"/>, for
/// editors (docs/scenario.schema.json is this output; a test keeps the two equal). The validator remains the
/// authority: the schema cannot check node names, CA names, labels or times.
/// </summary>
public static class ScenarioSchema
{
    public const string Id = "https://github.com/impclustersim/impclustersim/docs/scenario.schema.json";

    private const string DurationPattern = @"^(\d+(\.\d+)?(ms|d|h|m|s))+$";
    private const string SignedDurationPattern = @"^[+-]?(\d+(\.\d+)?(ms|d|h|m|s))+$";
    private const string RangePattern = @"^(\d+(\.\d+)?(ms|d|h|m|s))+(\s*\.\.\s*(\d+(\.\d+)?(ms|d|h|m|s))+)?$";
    private static readonly string[] TargetKeys = ["node", "nodes", "cluster", "publisher-of"];

    public static string Generate()
    {
        var defs = new JsonObject
        {
            ["duration"] = new JsonObject { ["type"] = "string", ["pattern"] = DurationPattern, ["description"] = "a duration: 90s, 10m, 1h30m, 24h, 2d, 250ms" },
            ["signed-duration"] = new JsonObject { ["type"] = "string", ["pattern"] = SignedDurationPattern, ["description"] = "a duration with an optional sign: -2h, 400d" },
            ["duration-range"] = new JsonObject { ["type"] = "string", ["pattern"] = RangePattern, ["description"] = "a duration or a range: 30s, 5s..60s" },
            ["probability"] = new JsonObject
            {
                ["description"] = "a number from 0 to 1, or a percentage such as 2.5%",
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
                    new JsonObject { ["type"] = "string", ["pattern"] = @"^\d+(\.\d+)?%$" }),
            },
            ["names"] = new JsonObject
            {
                ["description"] = "node or cluster names: one, or a list",
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string" },
                    new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["minItems"] = 1 }),
            },
            ["service"] = new JsonObject
            {
                ["description"] = "a service's exact display name",
                ["enum"] = Strings(ServiceCatalogue.Default.Definitions.Select(d => d.Name).Distinct()),
            },
            ["text-map"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
            ["topology"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "an inline topology, same schema as configs/topologies/*.yaml (docs/domain.md)",
                ["required"] = Strings(["cucm-clusters", "imp-clusters"]),
                ["properties"] = new JsonObject
                {
                    ["description"] = new JsonObject { ["type"] = "string" },
                    ["cucm-clusters"] = new JsonObject { ["type"] = "array" },
                    ["imp-clusters"] = new JsonObject { ["type"] = "array" },
                },
                ["additionalProperties"] = false,
            },
            ["deployment"] = Deployment(),
            ["ca"] = ArgsObject(ScenarioVocabulary.CaSettings, targets: false),
            ["step"] = Entry("one administrator action: when, on which nodes, and exactly one operation", ScenarioVocabulary.Operations, "operation",
                new JsonObject
                {
                    ["label"] = new JsonObject { ["type"] = "string", ["description"] = "a name for 'after' in expectations and assumptions" },
                    ["at"] = Ref("duration-range", "time since the start; a range (37m..1h7m) draws it from the run's seed"),
                    ["after"] = Ref("duration-range", "time since the previous step (default: right after it); a range draws it from the run's seed"),
                    ["node"] = new JsonObject { ["type"] = "string" },
                    ["nodes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["minItems"] = 1 },
                    ["cluster"] = new JsonObject { ["type"] = "string", ["description"] = "every node of the cluster" },
                    ["publisher-of"] = new JsonObject { ["type"] = "string", ["description"] = "the publisher of the cluster" },
                }),
            ["fault"] = Entry("a fault: when, an optional window, and exactly one fault", ScenarioVocabulary.Faults, "fault",
                new JsonObject
                {
                    ["id"] = new JsonObject { ["type"] = "string", ["description"] = "a name for 'heal'" },
                    ["at"] = Ref("duration", "when it strikes, since the start"),
                    ["for"] = Ref("duration", "how long it lasts (partition, link, clock-skew, service-stop)"),
                    ["until"] = Ref("duration", "when it ends, since the start"),
                },
                ["at"]),
            ["expectation"] = Entry("something that must be true: when, and exactly one condition", ScenarioVocabulary.Conditions, "condition",
                new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string" },
                    ["at"] = Ref("duration", "checked at this time since the start"),
                    ["within"] = Ref("duration", "must become true by this deadline (from the start, or from the 'after' step)"),
                    ["after"] = new JsonObject { ["type"] = "string", ["description"] = "a step label: the deadline counts from that step ('within'), or the check starts there ('always')" },
                    ["always"] = new JsonObject { ["const"] = true, ["description"] = "an invariant, checked all the time (from 'after' until 'until' when given)" },
                    ["until"] = new JsonObject { ["type"] = "string", ["description"] = "with 'always': a step label; the invariant is checked up to that step" },
                }),
            ["assumption"] = Entry("a named timing assumption, reported by name", ScenarioVocabulary.Conditions, "condition",
                new JsonObject
                {
                    ["name"] = new JsonObject { ["type"] = "string" },
                    ["within"] = Ref("duration", "the deadline"),
                    ["after"] = new JsonObject { ["type"] = "string", ["description"] = "a step label: the deadline counts from that step" },
                },
                ["name", "within"]),
        };

        foreach (var spec in ScenarioVocabulary.Operations) defs["operation-" + spec.Name] = ArgsSchema(spec, targets: false);
        foreach (var spec in ScenarioVocabulary.Faults) defs["fault-" + spec.Name] = ArgsSchema(spec, targets: false);
        foreach (var spec in ScenarioVocabulary.Conditions) defs["condition-" + spec.Name] = ArgsSchema(spec, targets: spec.Target != TargetUse.None);
        // 'not' holds one condition of any kind (itself included).
        defs["condition"] = Entry("exactly one condition", ScenarioVocabulary.Conditions, "condition", new JsonObject());
        defs["condition-not"] = Ref("condition", "the condition that must not hold");

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "ImpClusterSim scenario",
            ["description"] = "A scenario for impsim: the deployment, what administrators do and when, which faults strike, and what must be true. Reference: docs/scenarios.md. Generated from ScenarioVocabulary; do not edit by hand.",
            ["type"] = "object",
            ["required"] = Strings(["name", "deployment"]),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["description"] = new JsonObject { ["type"] = "string" },
                ["guide-section"] = new JsonObject { ["type"] = "string", ["description"] = "the section of the IM and Presence 9.0(1) security guide that the scenario follows" },
                ["seed"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "the default seed (impsim run --seed overrides it)" },
                ["until"] = Ref("duration", "the horizon: virtual time to simulate (default 24h)"),
                ["deployment"] = Ref("deployment"),
                ["cas"] = Array("ca"),
                ["steps"] = Array("step"),
                ["faults"] = Array("fault"),
                ["expect"] = Array("expectation"),
                ["assumptions"] = Array("assumption"),
            },
            ["$defs"] = defs,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Deployment()
    {
        var timings = ArgsObject(ScenarioVocabulary.TimingSettings, targets: false);
        ((JsonObject)timings["properties"]!)["services"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "start and stop durations per service display name",
            ["propertyNames"] = Ref("service"),
            ["additionalProperties"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject { ["start"] = Ref("duration-range"), ["stop"] = Ref("duration-range") },
            },
        };

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = Strings(["topology"]),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["topology"] = new JsonObject
                {
                    ["description"] = "an embedded topology (default, two-clusters), a file (relative to the scenario, or under configs/topologies/), or an inline topology",
                    ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, Ref("topology")),
                },
                ["settings"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["timings"] = timings,
                        ["network"] = ArgsObject(ScenarioVocabulary.NetworkSettings, targets: false),
                        ["key-algorithm"] = new JsonObject { ["enum"] = Strings(ScenarioVocabulary.KeyAlgorithms) },
                    },
                },
            },
        };
    }

    /// <summary>A step, fault or expectation: its own keys, plus one property per kind, exactly one of which is given.</summary>
    private static JsonObject Entry(string description, IEnumerable<KindSpec> kinds, string prefix, JsonObject properties, string[]? required = null)
    {
        var oneOf = new JsonArray();
        foreach (var spec in kinds)
        {
            properties[spec.Name] = Ref($"{prefix}-{spec.Name}", spec.Description);
            oneOf.Add(new JsonObject { ["required"] = Strings([spec.Name]) });
        }

        var entry = new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["properties"] = properties,
            ["additionalProperties"] = false,
            ["oneOf"] = oneOf,
        };
        if (required is not null) entry["required"] = Strings(required);
        return entry;
    }

    /// <summary>The value of a kind's key: a mapping of its arguments, or a scalar for its primary argument, or nothing.</summary>
    private static JsonObject ArgsSchema(KindSpec spec, bool targets)
    {
        var obj = ArgsObject(spec, targets);
        if (spec.Args.IsEmpty && !targets)
            return new JsonObject { ["description"] = spec.Description + " Takes no arguments.", ["type"] = new JsonArray("null", "object"), ["maxProperties"] = 0 };

        var alternatives = new List<JsonNode> { obj };
        if (spec.Primary is { } primary) alternatives.Add(TypeSchema(spec.Arg(primary)!));
        else if (targets && !spec.Args.Any(a => a.Required)) alternatives.Add(new JsonObject { ["type"] = "string", ["description"] = "a node name" });
        if (!spec.Args.Any(a => a.Required) && !targets) alternatives.Add(new JsonObject { ["type"] = "null" });
        return alternatives.Count == 1
            ? obj
            : new JsonObject { ["description"] = spec.Description, ["oneOf"] = new JsonArray([.. alternatives]) };
    }

    private static JsonObject ArgsObject(KindSpec spec, bool targets)
    {
        var properties = new JsonObject();
        foreach (var arg in spec.Args) properties[arg.Key] = TypeSchema(arg);
        if (targets)
        {
            properties["node"] = new JsonObject { ["type"] = "string" };
            properties["nodes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["minItems"] = 1 };
            properties["cluster"] = new JsonObject { ["type"] = "string" };
            properties["publisher-of"] = new JsonObject { ["type"] = "string" };
        }

        var obj = new JsonObject
        {
            ["type"] = "object",
            ["description"] = spec.Description,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var required = spec.Args.Where(a => a.Required).Select(a => a.Key).ToList();
        if (required.Count > 0) obj["required"] = Strings(required);
        if (targets && spec.Target == TargetUse.Required)
            obj["oneOf"] = new JsonArray([.. TargetKeys.Select(k => (JsonNode)new JsonObject { ["required"] = Strings([k]) })]);
        return obj;
    }

    private static JsonObject TypeSchema(ArgSpec arg)
    {
        var schema = arg.Type switch
        {
            ArgType.Duration => Ref("duration"),
            ArgType.SignedDuration => Ref("signed-duration"),
            ArgType.DurationRange => Ref("duration-range"),
            ArgType.Bool => new JsonObject { ["type"] = "boolean" },
            ArgType.Count => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
            ArgType.Probability => Ref("probability"),
            ArgType.Choice => new JsonObject { ["enum"] = Strings(arg.Values) },
            ArgType.ChoiceList => new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["enum"] = Strings(arg.Values) },
                    new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = Strings(arg.Values) } }),
            },
            ArgType.Endpoints => Ref("names"),
            ArgType.Service => Ref("service"),
            ArgType.TextMap => Ref("text-map"),
            _ => new JsonObject { ["type"] = "string" },
        };
        schema["description"] = arg.Description;
        return schema;
    }

    private static JsonObject Ref(string name, string? description = null)
    {
        var r = new JsonObject { ["$ref"] = "#/$defs/" + name };
        if (description is not null) r["description"] = description;
        return r;
    }

    private static JsonObject Array(string item) => new() { ["type"] = "array", ["items"] = Ref(item) };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
