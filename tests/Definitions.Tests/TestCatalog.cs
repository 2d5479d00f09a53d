using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Definitions.Tests;

/// <summary>The control activities as the server describes them, so validation tests need no server.</summary>
internal static class TestCatalog
{
    public static ActivityCatalog Create() => new(
    [
        Control(ControlActivityTypes.Start, "Start", [], [Outcomes.Done]),
        Control(ControlActivityTypes.End, "End", [], []),
        Control(ControlActivityTypes.Decision, "Decision",
            [new() { Name = "condition", Type = SettingType.Boolean, Required = true }],
            [Outcomes.True, Outcomes.False]),
        Control(ControlActivityTypes.Switch, "Switch",
            [
                new() { Name = "cases", Type = SettingType.ObjectList, Required = true },
                Choice("mode", "matchFirst", "matchFirst", "matchAll"),
            ],
            [Outcomes.Default], outcomesFromSetting: "cases"),
        Control(ControlActivityTypes.Fork, "Fork",
            [new() { Name = "branches", Type = SettingType.StringList, Required = true }],
            [], outcomesFromSetting: "branches"),
        Control(ControlActivityTypes.Join, "Join", [Choice("mode", "all", "all", "any")], [Outcomes.Done]),
        Control(ControlActivityTypes.Delay, "Delay",
            [
                new() { Name = "duration", Type = SettingType.Duration },
                new() { Name = "until", Type = SettingType.DateTime },
            ],
            [Outcomes.Done]),
        Control(ControlActivityTypes.SetVariable, "Set variable",
            [
                new() { Name = "variable", Type = SettingType.Text, Required = true, AllowsExpressions = false },
                new() { Name = "value", Type = SettingType.Json, Required = true },
            ],
            [Outcomes.Done]),
        Control(ControlActivityTypes.Log, "Log",
            [
                new() { Name = "message", Type = SettingType.MultilineText, Required = true },
                Choice("level", "information", "information", "warning", "error"),
            ],
            [Outcomes.Done]),
        Control(ControlActivityTypes.WaitForEvent, "Wait for event",
            [
                new() { Name = "eventName", Type = SettingType.Text, Required = true },
                new() { Name = "correlationKey", Type = SettingType.Text },
            ],
            [Outcomes.Done], blocking: true),
        Control(ControlActivityTypes.HumanTask, "Human task",
            [
                new() { Name = "title", Type = SettingType.Text, Required = true },
                new() { Name = "assignees", Type = SettingType.StringList, Required = true },
                new() { Name = "dueIn", Type = SettingType.Duration },
                new() { Name = "dueAt", Type = SettingType.DateTime },
                new() { Name = "actions", Type = SettingType.StringList, Default = new JsonArray("Complete") },
                new() { Name = "fields", Type = SettingType.ObjectList },
            ],
            [], outcomesFromSetting: "actions", blocking: true),
    ]);

    private static SettingDescriptor Choice(string name, string defaultValue, params string[] options) =>
        new() { Name = name, Type = SettingType.Choice, Options = options, Default = defaultValue };

    private static ActivityDescriptor Control(
        string type, string displayName, SettingDescriptor[] settings, string[] outcomes,
        string? outcomesFromSetting = null, bool blocking = false) => new()
    {
        Type = type,
        Category = "Control",
        DisplayName = displayName,
        Settings = settings,
        Outcomes = outcomes,
        OutcomesFromSetting = outcomesFromSetting,
        Blocking = blocking,
    };
}
