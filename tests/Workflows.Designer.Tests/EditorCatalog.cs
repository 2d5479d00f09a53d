using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Designer.Tests;

/// <summary>A few activities with every kind of setting, as the server would describe them.</summary>
internal static class EditorCatalog
{
    public static ActivityCatalog Create() => new(
    [
        new() { Type = ControlActivityTypes.Start, Category = "Control", DisplayName = "Start", Outcomes = [Outcomes.Done] },
        new() { Type = ControlActivityTypes.End, Category = "Control", DisplayName = "End" },
        new()
        {
            Type = ControlActivityTypes.Decision, Category = "Control", DisplayName = "Decision", Description = "Takes one of two paths.",
            Settings = [new() { Name = "condition", Type = SettingType.Boolean, Required = true }],
            Outcomes = [Outcomes.True, Outcomes.False],
        },
        new()
        {
            Type = ControlActivityTypes.Delay, Category = "Control", DisplayName = "Delay",
            Settings = [new() { Name = "duration", Type = SettingType.Duration }, new() { Name = "until", Type = SettingType.DateTime }],
            Outcomes = [Outcomes.Done],
        },
        new()
        {
            Type = ControlActivityTypes.HumanTask, Category = "Control", DisplayName = "Human task",
            Settings =
            [
                new() { Name = "title", Type = SettingType.Text, Required = true, DisplayName = "Title" },
                new() { Name = "assignees", Type = SettingType.StringList, Required = true },
                new() { Name = "actions", Type = SettingType.StringList, Default = new JsonArray("Complete") },
            ],
            OutcomesFromSetting = "actions",
        },
        new()
        {
            Type = "deliberation.approval-round", Category = "Deliberation", DisplayName = "Approval round",
            Description = "Asks members to approve a draft.",
            Settings =
            [
                new() { Name = "rule", Type = SettingType.Choice, Options = ["consensus", "majority"], Default = "consensus" },
                new() { Name = "quorum", Type = SettingType.Integer },
                new() { Name = "note", Type = SettingType.MultilineText },
                new() { Name = "silent", Type = SettingType.Boolean, AllowsExpressions = false },
            ],
            Outcomes = ["Adopted", "Objected"],
        },
        new() { Type = "deliberation.notify", Category = "Deliberation", DisplayName = "Notify", Outcomes = [Outcomes.Done] },
    ]);

    public static WorkflowDefinition Empty(string id = "sample") => new() { Id = id, Name = "Sample" };
}
