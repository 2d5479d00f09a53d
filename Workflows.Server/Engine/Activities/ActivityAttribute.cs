namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// Gives an activity class its stable catalog identity. The type id is what stored definitions and
/// instances refer to, so renaming the class never orphans them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type, string category, string displayName) : Attribute
{
    public string Type { get; } = type;
    public string Category { get; } = category;
    public string DisplayName { get; } = displayName;
    public string Description { get; init; } = "";
    public bool Blocking { get; init; }
    public string[] Outcomes { get; init; } = [];

    /// <summary>A setting whose values are further outcomes (branches, actions, cases).</summary>
    public string? OutcomesFromSetting { get; init; }
}

/// <summary>Describes one parameter of an activity's <c>Settings</c> record for the catalog.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class SettingAttribute : Attribute
{
    public string? DisplayName { get; init; }
    public string? Help { get; init; }
    public bool Multiline { get; init; }

    /// <summary>False for settings that must be a literal, e.g. the name of a variable.</summary>
    public bool Expressions { get; init; } = true;

    /// <summary>
    /// Left unevaluated for the activity to render itself, e.g. a message rendered once per
    /// recipient in their language and time zone. The property is a <c>JsonNode</c>.
    /// </summary>
    public bool Deferred { get; init; }

    /// <summary>A default as JSON, for defaults C# cannot write as a parameter default (lists).</summary>
    public string? DefaultJson { get; init; }
}
