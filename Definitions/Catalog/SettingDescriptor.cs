using System.Text.Json.Nodes;

namespace FocWorkflows.Definitions.Catalog;

/// <summary>Kinds of setting; each has its own editor in the designer and its own literal check.</summary>
public enum SettingType { Text, MultilineText, Number, Integer, Boolean, Duration, DateTime, Choice, StringList, ObjectList, Json }

/// <summary>One typed setting of an activity.</summary>
public sealed record SettingDescriptor
{
    public required string Name { get; init; }
    public required SettingType Type { get; init; }
    public string? DisplayName { get; init; }
    public bool Required { get; init; }
    public JsonNode? Default { get; init; }
    public string? Help { get; init; }

    /// <summary>The allowed values of a <see cref="SettingType.Choice"/>.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Whether a JavaScript or Liquid expression may stand in for a literal.</summary>
    public bool AllowsExpressions { get; init; } = true;
}
