using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FocWorkflows.Definitions.Model;

/// <summary>
/// One step of a flowchart. <see cref="Type"/> is the activity's stable catalog id; each setting is
/// a literal JSON value, <c>{"js": "..."}</c> or <c>{"liquid": "..."}</c> (see <see cref="SettingValue"/>).
/// </summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Name { get; init; }
    public JsonObject Settings { get; init; } = [];
    public Position? Position { get; init; }

    /// <summary>
    /// What people read for this step: its name, else its id. Derived, so never written out: a definition read through the
    /// API and sent back must be the definition, not the definition plus what was derived from it.
    /// </summary>
    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}

/// <summary>Where the designer draws a node; the engine ignores it.</summary>
public sealed record Position(double X, double Y);
