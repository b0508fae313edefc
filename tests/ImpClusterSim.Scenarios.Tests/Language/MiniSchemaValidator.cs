using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>
/// Just enough of JSON Schema 2020-12 to check YAML files against docs/scenario.schema.json: $ref to $defs, type,
/// properties, additionalProperties, required, oneOf, enum, const, items, pattern, minimum, maximum, minItems,
/// maxProperties, propertyNames. YAML scalars are typed like YAML 1.2's core schema.
/// </summary>
internal sealed class MiniSchemaValidator(JsonObject root)
{
    public List<string> Errors { get; } = [];

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode s => new JsonArray([.. s.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Plain(p.Value),
        YamlScalarNode q => JsonValue.Create(q.Value ?? ""),
        _ => null,
    };

    private static JsonNode? Plain(string? v)
    {
        if (v is null or "" or "~" or "null") return null;
        if (v is "true" or "false") return JsonValue.Create(v == "true");
        if (Regex.IsMatch(v, @"^-?\d+$") && long.TryParse(v, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (Regex.IsMatch(v, @"^-?\d+\.\d+$")) return JsonValue.Create(double.Parse(v, CultureInfo.InvariantCulture));
        return JsonValue.Create(v);
    }

    public bool Validate(JsonNode? value, JsonNode schema, string path)
    {
        var errorsBefore = Errors.Count;
        Check(value, (JsonObject)schema, path);
        return Errors.Count == errorsBefore;
    }

    private void Check(JsonNode? value, JsonObject s, string path)
    {
        if (s["$ref"] is { } r)
        {
            var name = r.GetValue<string>()["#/$defs/".Length..];
            Check(value, (JsonObject)root["$defs"]![name]!, path);
        }

        if (s["type"] is { } type)
        {
            var types = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!types.Any(t => HasType(value, t))) { Errors.Add($"{path}: expected {string.Join("|", types)}"); return; }
        }

        if (s["enum"] is JsonArray e && !e.Any(x => JsonNode.DeepEquals(x, value))) Errors.Add($"{path}: '{value}' is not in the enum");
        if (s["const"] is { } c && !JsonNode.DeepEquals(c, value)) Errors.Add($"{path}: expected {c}");
        if (s["pattern"] is { } p && value is JsonValue v && v.TryGetValue<string>(out var str) && !Regex.IsMatch(str, p.GetValue<string>()))
            Errors.Add($"{path}: '{str}' does not match {p}");
        if (value is JsonValue n && (n.TryGetValue<double>(out var d) || n.TryGetValue<long>(out var ll) && (d = ll) == ll))
        {
            if (s["minimum"] is { } min && d < min.GetValue<double>()) Errors.Add($"{path}: below minimum");
            if (s["maximum"] is { } max && d > max.GetValue<double>()) Errors.Add($"{path}: above maximum");
        }

        if (value is JsonObject o)
        {
            var props = s["properties"] as JsonObject;
            foreach (var (key, child) in o)
            {
                if (props?[key] is JsonObject ps) Check(child, ps, $"{path}.{key}");
                else if (s["additionalProperties"] is JsonObject ap) Check(child, ap, $"{path}.{key}");
                else if (s["additionalProperties"] is JsonValue apv && !apv.GetValue<bool>()) Errors.Add($"{path}: unknown key '{key}'");
                if (s["propertyNames"] is JsonObject pn) Check(JsonValue.Create(key), pn, $"{path}.{key}(name)");
            }

            if (s["required"] is JsonArray req)
                foreach (var k in req.Select(x => x!.GetValue<string>()).Where(k => !o.ContainsKey(k))) Errors.Add($"{path}: missing '{k}'");
            if (s["maxProperties"] is { } mp && o.Count > mp.GetValue<int>()) Errors.Add($"{path}: too many keys");
        }

        if (value is JsonArray arr)
        {
            if (s["minItems"] is { } mi && arr.Count < mi.GetValue<int>()) Errors.Add($"{path}: too few items");
            if (s["items"] is JsonObject items)
                for (var i = 0; i < arr.Count; i++) Check(arr[i], items, $"{path}[{i}]");
        }

        if (s["oneOf"] is JsonArray oneOf)
        {
            var matches = oneOf.Count(alt => new MiniSchemaValidator(root).Validate(value, alt!, path));
            if (matches != 1) Errors.Add($"{path}: matches {matches} of the oneOf alternatives, expected exactly 1");
        }
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "boolean" => value is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "string" => value is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "integer" => value is JsonValue i && i.TryGetValue<long>(out _),
        "number" => value is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        _ => false,
    };
}
