using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Turns one Elsa input (<c>{"typeName", "expression": {"type", "value"}, "memoryReference"}</c>) into a
/// native setting. Scripts are kept word for word: our server offers the same getVariable, setVariable,
/// getX/setX and getInput functions Elsa's scripts call.
/// </summary>
internal sealed class ElsaInputReader(IReadOnlyDictionary<string, string> variableNamesById, List<ValidationFinding> findings)
{
    public JsonNode? Read(JsonNode? input, ElsaInputKind kind, string path, string nodeId) => kind switch
    {
        ElsaInputKind.VariableReference when !IsWrapped(input) => JsonValue.Create(VariableName(input)),
        ElsaInputKind.SwitchCases when input is JsonArray cases => ReadCases(cases, path, nodeId),
        _ when input is JsonObject wrapper && IsWrapped(wrapper) =>
            ReadExpression(wrapper["expression"], ElsaJson.String(wrapper["typeName"]), kind, input, path, nodeId),
        _ => ConvertLiteral(input, kind, null),
    };

    private static bool IsWrapped(JsonNode? input) => input is JsonObject o && o.ContainsKey("expression");

    private JsonNode? ReadExpression(JsonNode? expression, string? typeName, ElsaInputKind kind, JsonNode raw, string path, string nodeId)
    {
        if (expression is not JsonObject e) return null;
        var value = e["value"];
        var type = e["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "Literal";
        switch (type.ToLowerInvariant())
        {
            case "literal":
                return ConvertLiteral(value, kind, typeName);
            case "object" or "json":
                // Elsa keeps objects and lists as JSON text inside the expression.
                var parsed = value is JsonValue text && text.TryGetValue<string>(out var json) ? ElsaLiterals.TryParseJson(json) ?? value : value;
                return ConvertLiteral(parsed, kind, typeName);
            case "javascript":
                return SettingValue.JavaScript(Text(value));
            case "liquid":
                return SettingValue.Liquid(Text(value));
            case "variable":
                return SettingValue.JavaScript($"getVariable('{EscapeForScript(VariableName(value))}')");
            default:
                findings.Add(new(ElsaFindingCodes.UnmappedExpression,
                    $"Elsa '{type}' expressions cannot run here; the input is kept unchanged as a literal for someone to rewrite.",
                    path, nodeId));
                return raw.DeepClone();
        }
    }

    private JsonArray ReadCases(JsonArray cases, string path, string nodeId)
    {
        var result = new JsonArray();
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i] is not JsonObject c) continue;
            var condition = c["condition"];
            var casePath = $"{path}[{i}].condition";
            // A case condition is a bare expression ({type, value}), not a full input.
            var setting = condition is JsonObject bare && !IsWrapped(bare) && bare.ContainsKey("type")
                ? ReadExpression(bare, "Boolean", ElsaInputKind.Boolean, bare, casePath, nodeId)
                : Read(condition, ElsaInputKind.Boolean, casePath, nodeId);
            result.Add(new JsonObject { ["name"] = c["label"]?.DeepClone(), ["condition"] = setting });
        }
        return result;
    }

    private static JsonNode? ConvertLiteral(JsonNode? value, ElsaInputKind kind, string? typeName) => kind switch
    {
        ElsaInputKind.Boolean => ElsaLiterals.ToBoolean(value),
        ElsaInputKind.Duration => ElsaLiterals.ToDuration(value),
        ElsaInputKind.StringList => ElsaLiterals.ToStringList(value),
        ElsaInputKind.JoinMode => JoinMode(value),
        ElsaInputKind.AnyValue => ElsaLiterals.ByTypeName(value, typeName),
        _ => value?.DeepClone(),
    };

    private static JsonNode? JoinMode(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s)
            ? s.ToLowerInvariant() switch { "waitall" => "all", "waitany" => "any", _ => s }
            : value?.DeepClone();

    /// <summary>Elsa refers to variables by id, sometimes with the name alongside; we refer by name only.</summary>
    private string VariableName(JsonNode? reference)
    {
        var id = reference switch
        {
            JsonObject o => ElsaJson.String(o["id"]),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => null,
        };
        if (id is not null && variableNamesById.TryGetValue(id, out var name)) return name;
        return ElsaJson.String((reference as JsonObject)?["name"]) ?? id ?? "";
    }

    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";

    private static string EscapeForScript(string name) => name.Replace("\\", "\\\\").Replace("'", "\\'");
}
