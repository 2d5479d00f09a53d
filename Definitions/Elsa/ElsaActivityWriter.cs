using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Writes one node as an Elsa flowchart activity. Nodes Elsa has no type for still go out, under
/// our type id and marked, so a round trip through a file restores them exactly.
/// </summary>
internal sealed partial class ElsaActivityWriter(IReadOnlyDictionary<string, VariableDeclaration> variables, List<ValidationFinding> findings)
{
    public JsonObject Write(ActivityNode node, string path)
    {
        var activity = new JsonObject { ["id"] = node.Id };
        if (node.Type.StartsWith(ElsaTypeMap.UnmappedPrefix, StringComparison.Ordinal))
        {
            WriteRaw(activity, node);
        }
        else if (ElsaTypeMap.ForNativeType(node.Type) is { } map)
        {
            WriteMapped(activity, node, map, path);
        }
        else
        {
            WriteNative(activity, node, path);
        }

        // Elsa's name is an identifier scripts may use; a free-text name only fits its display text.
        if (!activity.ContainsKey("name") && node.Name is { } name && Identifier().IsMatch(name)) activity["name"] = name;
        activity["metadata"] = Metadata(node);
        return activity;
    }

    /// <summary>An Elsa activity we kept raw on import goes back as it came.</summary>
    private static void WriteRaw(JsonObject activity, ActivityNode node)
    {
        activity["type"] = node.Type[ElsaTypeMap.UnmappedPrefix.Length..];
        foreach (var (key, value) in node.Settings)
        {
            if (!ElsaJson.NodeKeys.Contains(key)) activity[key] = value?.DeepClone();
        }
    }

    private void WriteMapped(JsonObject activity, ActivityNode node, ElsaActivityMap map, string path)
    {
        activity["type"] = map.ElsaType;
        activity["version"] = 1;
        foreach (var (key, value) in node.Settings)
        {
            var input = map.Inputs.FirstOrDefault(i => i.SettingName == key);
            if (input is null)
            {
                findings.Add(new(ElsaFindingCodes.InputDropped,
                    $"Setting '{key}' has no input on {map.ElsaType}; Elsa will ignore it.", $"{path}.settings.{key}", node.Id));
            }
            activity[input?.ElsaName ?? key] = input is null
                ? ElsaInputWriter.Write(value, ElsaInputKind.AnyValue, "Object")
                : ElsaInputWriter.Write(TypedByVariable(node, key, value), input, variables);
        }
    }

    /// <summary>
    /// A SetVariable's literal value typed as its variable is declared ("true" for a Boolean variable
    /// becomes true), so Elsa gets the variable's typeName rather than String.
    /// </summary>
    private JsonNode? TypedByVariable(ActivityNode node, string key, JsonNode? value)
    {
        if (node.Type != Catalog.ControlActivityTypes.SetVariable || key != "value"
            || SettingValue.Read(value).Kind != SettingKind.Literal
            || ElsaJson.String(node.Settings["variable"]) is not { } name || !variables.TryGetValue(name, out var declared))
            return value;
        return ElsaLiterals.ByTypeName(value, ElsaLiterals.ToTypeName(declared.Type));
    }

    private void WriteNative(JsonObject activity, ActivityNode node, string path)
    {
        findings.Add(new(FindingCodes.UnmappedElsaType,
            $"Elsa has no activity like '{node.Type}'; it was exported under that type id, which Elsa shows as unknown but keeps.",
            path, node.Id));
        activity["type"] = node.Type;
        activity["version"] = 1;
        var customProperties = new JsonObject { [ElsaJson.NativeTypeMarker] = true };
        activity["customProperties"] = customProperties;
        foreach (var (key, value) in node.Settings)
        {
            if (!ElsaJson.ActivityKeys.Contains(key))
            {
                activity[key] = ElsaInputWriter.Write(value, ElsaInputKind.AnyValue, "Object");
                continue;
            }
            // A setting named like an Elsa activity property ("name", "source") would be misread; park it aside.
            var parked = customProperties[ElsaJson.NativeSettingsAside] as JsonObject ?? [];
            parked[key] = value?.DeepClone();
            customProperties[ElsaJson.NativeSettingsAside] = parked;
        }
    }

    private static JsonObject Metadata(ActivityNode node)
    {
        var metadata = new JsonObject();
        if (node.Position is { } p)
        {
            metadata["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = p.X, ["y"] = p.Y } };
        }
        if (!string.IsNullOrWhiteSpace(node.Name)) metadata["displayText"] = node.Name;
        return metadata;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
