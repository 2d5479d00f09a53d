using System.Text.Json.Nodes;

namespace FocWorkflows.Definitions.Model;

public enum SettingKind { Literal, JavaScript, Liquid }

/// <summary>
/// Reads a node setting: <c>{"js": "..."}</c> is a JavaScript expression, <c>{"liquid": "..."}</c> a Liquid
/// template, anything else a literal. An object is an expression only when that is its one property.
/// </summary>
public readonly record struct SettingValue(SettingKind Kind, JsonNode? Literal, string? Source)
{
    public const string JavaScriptKey = "js";
    public const string LiquidKey = "liquid";

    public static SettingValue Read(JsonNode? node)
    {
        if (node is JsonObject { Count: 1 } obj)
        {
            var (key, value) = obj.First();
            if (value is JsonValue v && v.TryGetValue<string>(out var source))
            {
                if (key == JavaScriptKey) return new(SettingKind.JavaScript, null, source);
                if (key == LiquidKey) return new(SettingKind.Liquid, null, source);
            }
        }
        return new(SettingKind.Literal, node, null);
    }

    public static JsonNode JavaScript(string source) => new JsonObject { [JavaScriptKey] = source };

    public static JsonNode Liquid(string source) => new JsonObject { [LiquidKey] = source };
}
