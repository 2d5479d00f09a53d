using System.Text.Json;
using System.Text.Json.Nodes;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>Tells an Elsa 3 workflow definition from a native one, so import needs no format flag.</summary>
public static class ElsaFormat
{
    /// <summary>True when the JSON has Elsa's <c>root</c> activity; native definitions never do.</summary>
    public static bool Detect(string json)
    {
        try
        {
            var node = JsonNode.Parse(json.TrimStart('\uFEFF'));
            return node is JsonObject obj && obj["root"] is JsonObject root && root["type"] is JsonValue;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
