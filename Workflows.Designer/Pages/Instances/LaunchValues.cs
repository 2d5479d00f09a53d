using System.Globalization;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Viewing;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Designer.Pages.Instances;

/// <summary>
/// Between the launch form's text fields and the input JSON. Values that do not parse are sent as
/// typed so the server's validation, the one source of truth, explains what is wrong.
/// </summary>
public static class LaunchValues
{
    public static bool IsTrue(string? value) => value is not null && (bool.TryParse(value, out var b) ? b : value == "on");

    public static Dictionary<string, string> Defaults(IEnumerable<InputDeclaration> inputs)
    {
        var values = new Dictionary<string, string>();
        foreach (var input in inputs.Where(i => i.Default is not null))
            values[input.Name] = input.Default switch
            {
                JsonArray list => string.Join("\n", list.Select(i => i?.ToString())),
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                var other => other!.ToJsonString(),
            };
        return values;
    }

    public static JsonObject ToInput(IEnumerable<InputDeclaration> inputs, IReadOnlyDictionary<string, string> values, ViewerTime time)
    {
        var result = new JsonObject();
        foreach (var input in inputs)
        {
            values.TryGetValue(input.Name, out var raw);
            if (input.Type == ValueType.Boolean)
            {
                result[input.Name] = IsTrue(raw);
                continue;
            }
            if (string.IsNullOrWhiteSpace(raw)) continue;
            raw = raw.Trim();
            result[input.Name] = input.Type switch
            {
                ValueType.Integer when long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                ValueType.Number when decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                ValueType.DateTime => time.FromLocalInput(raw) ?? raw,
                ValueType.StringList => new JsonArray([.. raw.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (JsonNode)l)]),
                ValueType.Json => TryParse(raw) ?? raw,
                _ => raw,
            };
        }
        return result;
    }

    private static JsonNode? TryParse(string raw)
    {
        try { return JsonNode.Parse(raw); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
