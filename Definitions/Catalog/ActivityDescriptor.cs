namespace FocWorkflows.Definitions.Catalog;

/// <summary>
/// What the catalog knows of an activity type: enough for the designer to draw a palette and a
/// properties panel, and for the validator to check a node without running it.
/// </summary>
public sealed record ActivityDescriptor
{
    /// <summary>Stable type id, e.g. <c>control.decision</c>. Never renamed once published.</summary>
    public required string Type { get; init; }
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public string Description { get; init; } = "";

    /// <summary>Whether the activity can wait (on people, time or an event).</summary>
    public bool Blocking { get; init; }

    public IReadOnlyList<SettingDescriptor> Settings { get; init; } = [];

    /// <summary>Outcomes every node of this type may report.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>
    /// A string-list (or object-list with <c>name</c>) setting whose values are further outcomes,
    /// e.g. a fork's branches or a human task's actions.
    /// </summary>
    public string? OutcomesFromSetting { get; init; }

    public SettingDescriptor? FindSetting(string name) =>
        Settings.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
