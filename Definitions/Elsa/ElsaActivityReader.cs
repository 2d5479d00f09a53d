using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Turns one Elsa flowchart activity into a node. Nothing is silently dropped: an activity we cannot
/// map keeps its raw properties under type <c>elsa:&lt;ElsaType&gt;</c>, and an input we have no
/// setting for is reported.
/// </summary>
internal sealed class ElsaActivityReader(ElsaInputReader inputs, List<ValidationFinding> findings)
{
    public ActivityNode Read(JsonObject activity, string path, int index)
    {
        var id = ElsaJson.String(activity["id"]);
        if (string.IsNullOrWhiteSpace(id))
        {
            id = $"activity-{index + 1}";
            findings.Add(new(FindingCodes.SchemaViolation, $"The Elsa activity has no id; it was given '{id}'.", path, id));
        }

        var elsaType = ElsaJson.String(activity["type"]) ?? "";
        var metadata = activity["metadata"] as JsonObject;
        var (type, settings) = ElsaTypeMap.ForElsaType(elsaType) is { } map
            ? (map.NativeType, ReadMapped(activity, map, path, id))
            : IsExportedNative(activity)
                ? (elsaType, ReadNative(activity, path, id))
                : (ElsaTypeMap.UnmappedPrefix + elsaType, ReadUnmapped(activity, elsaType, path, id));

        return new ActivityNode
        {
            Id = id,
            Type = type,
            Name = ElsaJson.String(metadata?["displayText"]) ?? ElsaJson.String(activity["name"]),
            Settings = settings,
            Position = ReadPosition(metadata),
        };
    }

    private JsonObject ReadMapped(JsonObject activity, ElsaActivityMap map, string path, string id)
    {
        if (map.ElsaType == ElsaTypeMap.TimerType)
        {
            findings.Add(new(ElsaFindingCodes.TimerAsDelay,
                "An Elsa Timer can start a workflow on a schedule; workflows here are started by people, so it became a delay that waits its interval once.",
                path, id));
        }

        var settings = new JsonObject();
        foreach (var (key, value) in activity)
        {
            if (ElsaJson.ActivityKeys.Contains(key) || value is null) continue;
            if (map.FindInput(key) is { } input)
            {
                settings[input.SettingName] = inputs.Read(value, input.Kind, $"{path}.{key}", id);
            }
            else if (!IsIgnoredDefault(map, key, value))
            {
                findings.Add(new(ElsaFindingCodes.InputDropped,
                    $"Elsa input '{key}' of {map.ElsaType} has no setting on {map.NativeType} and was left out.",
                    $"{path}.{key}", id));
            }
        }

        // A null or missing input Elsa fills itself would leave a required setting empty and the definition unpublishable.
        foreach (var input in map.Inputs.Where(i => i.NullAs is not null && settings[i.SettingName] is null))
        {
            settings[input.SettingName] = input.NullAs;
        }
        return settings;
    }

    private static bool IsIgnoredDefault(ElsaActivityMap map, string key, JsonNode value)
    {
        if (map.IgnoredDefaults is null) return false;
        var entry = map.IgnoredDefaults.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));
        if (entry.Key is null) return false;
        var literal = value is JsonObject wrapper ? wrapper["expression"]?["value"] : value;
        return string.Equals(ElsaJson.String(literal), entry.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsExportedNative(JsonObject activity) =>
        activity["customProperties"]?[ElsaJson.NativeTypeMarker] is JsonValue v && v.TryGetValue<bool>(out var marked) && marked;

    private JsonObject ReadNative(JsonObject activity, string path, string id)
    {
        var settings = new JsonObject();
        foreach (var (key, value) in activity)
        {
            if (ElsaJson.ActivityKeys.Contains(key)) continue;
            settings[key] = inputs.Read(value, ElsaInputKind.AnyValue, $"{path}.{key}", id);
        }
        if (activity["customProperties"]?[ElsaJson.NativeSettingsAside] is JsonObject aside)
        {
            foreach (var (key, value) in aside) settings[key] = value?.DeepClone();
        }
        return settings;
    }

    private JsonObject ReadUnmapped(JsonObject activity, string elsaType, string path, string id)
    {
        findings.Add(new(FindingCodes.UnmappedElsaType,
            $"Elsa activity type '{elsaType}' has no equivalent here; it was kept as '{ElsaTypeMap.UnmappedPrefix}{elsaType}' with its raw properties as settings.",
            path, id));
        var settings = new JsonObject();
        foreach (var (key, value) in activity)
        {
            if (!ElsaJson.NodeKeys.Contains(key)) settings[key] = value?.DeepClone();
        }
        return settings;
    }

    private static Position? ReadPosition(JsonObject? metadata)
    {
        var position = metadata?["designer"]?["position"];
        return ElsaJson.Number(position?["x"]) is { } x && ElsaJson.Number(position?["y"]) is { } y ? new Position(x, y) : null;
    }
}
