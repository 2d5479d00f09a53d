using System.Text.Json.Nodes;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>Shape facts about Elsa's activity JSON that the importer and exporter must agree on.</summary>
internal static class ElsaJson
{
    /// <summary>
    /// Marks an exported node whose type Elsa does not know, so importing it again restores our
    /// type and settings instead of treating them as a foreign Elsa activity.
    /// </summary>
    public const string NativeTypeMarker = "focWorkflowsNativeType";

    /// <summary>Where such a node keeps settings whose names clash with Elsa's own activity properties.</summary>
    public const string NativeSettingsAside = "focWorkflowsSettings";

    /// <summary>Properties every Elsa activity carries that are not inputs.</summary>
    public static readonly HashSet<string> ActivityKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow",
        "runAsynchronously", "source", "line", "applicationProperties",
    };

    /// <summary>Properties an unmapped activity keeps outside its raw settings, because the node holds them.</summary>
    public static readonly HashSet<string> NodeKeys = new(StringComparer.OrdinalIgnoreCase) { "id", "nodeId", "type", "metadata" };

    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static double? Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
