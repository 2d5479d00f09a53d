using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>How an Elsa input's literal becomes a native setting, and back again on export.</summary>
internal enum ElsaInputKind { Text, Boolean, Duration, StringList, JoinMode, VariableReference, AnyValue, SwitchCases }

/// <summary>
/// One Elsa input and the native setting it becomes. <see cref="TypeName"/> is what the exporter
/// writes as Elsa's <c>typeName</c>, so Elsa's designer picks the right editor. <see cref="NullAs"/>
/// is the literal the setting gets when the input is missing or null, where Elsa then uses a value of
/// its own (WriteLine writes an empty line) and our setting is required.
/// </summary>
internal sealed record ElsaInputMap(string ElsaName, string SettingName, ElsaInputKind Kind, string TypeName, string? NullAs = null);

/// <summary>
/// An Elsa activity type and its native twin. <see cref="IgnoredDefaults"/> lists Elsa inputs we
/// have no setting for but which are harmless at their default value, so they are not reported.
/// </summary>
internal sealed record ElsaActivityMap(
    string ElsaType,
    string NativeType,
    IReadOnlyList<ElsaInputMap> Inputs,
    IReadOnlyDictionary<string, string>? IgnoredDefaults = null)
{
    public ElsaInputMap? FindInput(string elsaName) =>
        Inputs.FirstOrDefault(i => string.Equals(i.ElsaName, elsaName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The one place that says which Elsa 3 activity is which native activity, in both directions.
/// Where two Elsa types share a native type (Delay and Timer), the first listed is the one exported.
/// </summary>
public static class ElsaTypeMap
{
    public const string Flowchart = "Elsa.Flowchart";

    /// <summary>Prefix of the native type given to an Elsa activity we cannot map, e.g. <c>elsa:Elsa.SendEmail</c>.</summary>
    public const string UnmappedPrefix = "elsa:";

    internal const string TimerType = "Elsa.Timer";

    // Elsa 3.1 moved FlowJoinMode out of the "Core" namespace; older files carry the old name and both import.
    private const string FlowJoinModeTypeName = "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core";

    internal static IReadOnlyList<ElsaActivityMap> All { get; } =
    [
        new("Elsa.Start", ControlActivityTypes.Start, []),
        new("Elsa.End", ControlActivityTypes.End, []),
        // Finish ends the whole workflow, as our end does; exported back as End (listed first).
        new("Elsa.Finish", ControlActivityTypes.End, []),
        new("Elsa.FlowDecision", ControlActivityTypes.Decision,
            [new("condition", "condition", ElsaInputKind.Boolean, "Boolean")]),
        new("Elsa.FlowSwitch", ControlActivityTypes.Switch,
            [new("cases", "cases", ElsaInputKind.SwitchCases, "")],
            new Dictionary<string, string> { ["mode"] = "MatchFirst" }),
        new("Elsa.FlowFork", ControlActivityTypes.Fork,
            [new("branches", "branches", ElsaInputKind.StringList, "String[]")]),
        new("Elsa.FlowJoin", ControlActivityTypes.Join,
            [new("mode", "mode", ElsaInputKind.JoinMode, FlowJoinModeTypeName)]),
        new("Elsa.Delay", ControlActivityTypes.Delay,
            [new("timeSpan", "duration", ElsaInputKind.Duration, "TimeSpan")]),
        new(TimerType, ControlActivityTypes.Delay,
            [new("interval", "duration", ElsaInputKind.Duration, "TimeSpan")]),
        new("Elsa.SetVariable", ControlActivityTypes.SetVariable,
        [
            new("variable", "variable", ElsaInputKind.VariableReference, ""),
            new("value", "value", ElsaInputKind.AnyValue, "Object"),
        ]),
        new("Elsa.WriteLine", ControlActivityTypes.Log,
            [new("text", "message", ElsaInputKind.Text, "String", NullAs: "")]),
        new("Elsa.Event", ControlActivityTypes.WaitForEvent,
            [new("eventName", "eventName", ElsaInputKind.Text, "String")]),
    ];

    /// <summary>The native type for an Elsa activity type, or null when we have none.</summary>
    public static string? ToNativeType(string elsaType) => ForElsaType(elsaType)?.NativeType;

    /// <summary>The Elsa activity type a native type exports as, or null when Elsa has none.</summary>
    public static string? ToElsaType(string nativeType) => ForNativeType(nativeType)?.ElsaType;

    internal static ElsaActivityMap? ForElsaType(string elsaType) =>
        All.FirstOrDefault(m => string.Equals(m.ElsaType, elsaType, StringComparison.Ordinal));

    internal static ElsaActivityMap? ForNativeType(string nativeType) =>
        All.FirstOrDefault(m => string.Equals(m.NativeType, nativeType, StringComparison.Ordinal));
}
