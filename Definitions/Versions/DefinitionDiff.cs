using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Versions;

/// <summary>A setting whose JSON differs; <c>null</c> on a side where the setting is absent.</summary>
public sealed record SettingChange(string Name, string? Old, string? New);

/// <summary>A node present in both versions whose type, name or settings differ.</summary>
public sealed record NodeChange(string Id, string OldType, string NewType, string? OldName, string? NewName, IReadOnlyList<SettingChange> Settings)
{
    public bool TypeChanged => OldType != NewType;
    public bool NameChanged => OldName != NewName;
}

/// <summary>An input or variable added, removed or redeclared; each side as compact JSON, <c>null</c> where absent.</summary>
public sealed record DeclarationChange(string Kind, string Name, string? Old, string? New);

/// <summary>What changed from one version of a definition to another. Positions are not compared: moving a node changes nothing that runs.</summary>
public sealed record DefinitionDiff(
    IReadOnlyList<ActivityNode> NodesAdded,
    IReadOnlyList<ActivityNode> NodesRemoved,
    IReadOnlyList<NodeChange> NodesChanged,
    IReadOnlyList<Connection> ConnectionsAdded,
    IReadOnlyList<Connection> ConnectionsRemoved,
    IReadOnlyList<DeclarationChange> Declarations)
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public bool IsEmpty => NodesAdded.Count + NodesRemoved.Count + NodesChanged.Count
        + ConnectionsAdded.Count + ConnectionsRemoved.Count + Declarations.Count == 0;

    public static DefinitionDiff Between(WorkflowDefinition older, WorkflowDefinition newer)
    {
        var oldNodes = older.Activities.ToDictionary(a => a.Id);
        var newNodes = newer.Activities.ToDictionary(a => a.Id);
        return new DefinitionDiff(
            [.. newer.Activities.Where(a => !oldNodes.ContainsKey(a.Id))],
            [.. older.Activities.Where(a => !newNodes.ContainsKey(a.Id))],
            [.. newer.Activities.Where(a => oldNodes.ContainsKey(a.Id)).Select(a => Compare(oldNodes[a.Id], a)).OfType<NodeChange>()],
            [.. newer.Connections.Except(older.Connections)],
            [.. older.Connections.Except(newer.Connections)],
            [.. CompareDeclarations("input", older.Inputs, newer.Inputs, i => i.Name),
             .. CompareDeclarations("variable", older.Variables, newer.Variables, v => v.Name)]);
    }

    private static NodeChange? Compare(ActivityNode older, ActivityNode newer)
    {
        var settings = older.Settings.Select(s => s.Key).Union(newer.Settings.Select(s => s.Key))
            .Select(key => (key, old: older.Settings.TryGetPropertyValue(key, out var o) ? o : null, present: older.Settings.ContainsKey(key),
                now: newer.Settings.TryGetPropertyValue(key, out var n) ? n : null, still: newer.Settings.ContainsKey(key)))
            .Where(s => s.present != s.still || !JsonNode.DeepEquals(s.old, s.now))
            .Select(s => new SettingChange(s.key, s.present ? Json(s.old) : null, s.still ? Json(s.now) : null))
            .ToList();
        if (older.Type == newer.Type && older.Name == newer.Name && settings.Count == 0) return null;
        return new NodeChange(newer.Id, older.Type, newer.Type, older.Name, newer.Name, settings);
    }

    private static IEnumerable<DeclarationChange> CompareDeclarations<T>(string kind, IReadOnlyList<T> older, IReadOnlyList<T> newer, Func<T, string> name)
    {
        var before = older.ToDictionary(name, d => JsonSerializer.Serialize(d, Compact));
        var after = newer.ToDictionary(name, d => JsonSerializer.Serialize(d, Compact));
        return before.Keys.Union(after.Keys)
            .Select(key => new DeclarationChange(kind, key, before.GetValueOrDefault(key), after.GetValueOrDefault(key)))
            .Where(c => c.Old != c.New);
    }

    private static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}
