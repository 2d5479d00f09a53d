using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Writes a native setting as an Elsa input, the inverse of <see cref="ElsaInputReader"/>: what it
/// writes reads back to the same setting.
/// </summary>
internal static class ElsaInputWriter
{
    public static JsonNode? Write(JsonNode? setting, ElsaInputMap map, IReadOnlyDictionary<string, VariableDeclaration> variables) => map.Kind switch
    {
        ElsaInputKind.VariableReference when ElsaJson.String(setting) is { } name => VariableReference(name, variables),
        ElsaInputKind.SwitchCases when setting is JsonArray cases => SwitchCases(cases),
        _ => Write(setting, map.Kind, map.TypeName),
    };

    public static JsonNode? Write(JsonNode? setting, ElsaInputKind kind, string typeName)
    {
        var value = SettingValue.Read(setting);
        var scriptType = string.IsNullOrEmpty(typeName) ? "Object" : typeName;
        return value.Kind switch
        {
            SettingKind.JavaScript => Input(scriptType, "JavaScript", value.Source),
            SettingKind.Liquid => Input(scriptType, "Liquid", value.Source),
            _ => Literal(value.Literal, kind, typeName),
        };
    }

    private static JsonNode? Literal(JsonNode? literal, ElsaInputKind kind, string typeName)
    {
        // An input in an expression language we could not map was kept raw on import; give it back as it was.
        if (literal is JsonObject raw && raw["expression"] is JsonObject) return raw.DeepClone();

        switch (kind)
        {
            // A boolean may have been typed as text ("true"); Elsa writes it as a JSON boolean.
            case ElsaInputKind.Boolean when ElsaLiterals.ToBoolean(literal) is JsonValue b && b.TryGetValue<bool>(out var flag):
                return Input("Boolean", "Literal", flag);
            case ElsaInputKind.Duration when ElsaLiterals.DurationToElsa(literal) is { } span:
                return Input("TimeSpan", "Literal", span);
            case ElsaInputKind.StringList when literal is JsonArray list:
                return Input("String[]", "Object", list.ToJsonString());
            case ElsaInputKind.JoinMode when ElsaJson.String(literal) is "all" or "any":
                return Input(typeName, "Literal", ElsaJson.String(literal) == "all" ? "WaitAll" : "WaitAny");
            case ElsaInputKind.Text when ElsaJson.String(literal) is { } text:
                return Input("String", "Literal", text);
            default:
                var (elsaTypeName, expressionType, value) = ElsaLiterals.Describe(literal);
                return Input(elsaTypeName, expressionType, value);
        }
    }

    public static JsonObject Input(string typeName, string expressionType, JsonNode? value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = expressionType, ["value"] = value },
    };

    private static JsonObject VariableReference(string name, IReadOnlyDictionary<string, VariableDeclaration> variables) => new()
    {
        // The exporter gives each variable its name as Elsa id, so a reference is readable and stable.
        ["id"] = name,
        ["name"] = name,
        ["typeName"] = variables.TryGetValue(name, out var declared) ? ElsaLiterals.ToTypeName(declared.Type) : "Object",
    };

    /// <summary>A FlowSwitch case holds a bare expression, not a full input.</summary>
    private static JsonArray SwitchCases(JsonArray cases) =>
    [
        .. cases.OfType<JsonObject>().Select(c => (JsonNode)new JsonObject
        {
            ["label"] = c["name"]?.DeepClone(),
            ["condition"] = Write(c["condition"], ElsaInputKind.Boolean, "Boolean")?["expression"]?.DeepClone(),
        }),
    ];
}
