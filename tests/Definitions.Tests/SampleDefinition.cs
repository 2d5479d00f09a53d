using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Definitions.Tests;

/// <summary>
/// A valid definition that uses every control activity, a loop, expressions and templates. Each call
/// builds a fresh copy, so a test may change its settings in place.
/// </summary>
internal static class SampleDefinition
{
    // Indices into Activities, for the paths tests expect.
    public const int Start = 0, Decide = 1, Review = 2, Announce = 3, Route = 4, Split = 5, Merge = 6,
        Pause = 7, Remember = 8, Await = 9, Done = 10;

    public static WorkflowDefinition Create() => new()
    {
        Id = "sample-review",
        Version = 2,
        Name = "Sample review",
        Description = "Exercises every control activity.",
        Inputs =
        [
            new() { Name = "title", Type = ValueType.String, Required = true, Label = "Title", Help = "Shown to reviewers." },
            new() { Name = "priority", Type = ValueType.Integer, Default = 1 },
            new() { Name = "urgent", Type = ValueType.Boolean, Default = false },
        ],
        Variables = [new() { Name = "strict", Type = ValueType.Boolean, Default = true }, new() { Name = "outcome" }],
        Activities =
        [
            Node("start", ControlActivityTypes.Start, [], new Position(0, 0)),
            Node("decide", ControlActivityTypes.Decision, new() { ["condition"] = SettingValue.JavaScript("input.urgent === true") }),
            Node("review", ControlActivityTypes.HumanTask, new()
            {
                ["title"] = SettingValue.Liquid("Review {{ input.title }}"),
                ["assignees"] = new JsonArray("chair"),
                ["dueIn"] = "P3D",
                ["actions"] = new JsonArray("Approve", "Revise"),
                ["fields"] = new JsonArray(new JsonObject { ["name"] = "comment", ["required"] = SettingValue.JavaScript("vars.strict") }),
            }),
            Node("announce", ControlActivityTypes.Log, new()
            {
                ["message"] = SettingValue.Liquid("Adopted {{ input.title | upcase }}"),
                ["level"] = "information",
            }),
            Node("route", ControlActivityTypes.Switch, new()
            {
                ["cases"] = new JsonArray(new JsonObject { ["name"] = "urgent", ["condition"] = SettingValue.JavaScript("input.priority > 2") }),
                ["mode"] = "matchFirst",
            }),
            Node("split", ControlActivityTypes.Fork, new() { ["branches"] = new JsonArray("mail", "calendar") }),
            Node("merge", ControlActivityTypes.Join, new() { ["mode"] = "all" }),
            Node("pause", ControlActivityTypes.Delay, new() { ["duration"] = "PT1H" }),
            Node("remember", ControlActivityTypes.SetVariable, new()
            {
                ["variable"] = "outcome",
                ["value"] = SettingValue.JavaScript("outputs.review"),
            }),
            Node("await", ControlActivityTypes.WaitForEvent, new()
            {
                ["eventName"] = "published",
                ["correlationKey"] = SettingValue.JavaScript("input.title"),
            }),
            Node("done", ControlActivityTypes.End, [], new Position(800, 120.5)),
        ],
        Connections =
        [
            new("start", Outcomes.Done, "decide"),
            new("decide", Outcomes.True, "review"),
            new("decide", Outcomes.False, "route"),
            new("review", "Approve", "announce"),
            new("review", "Revise", "decide"),
            new("announce", Outcomes.Done, "done"),
            new("route", "urgent", "split"),
            new("route", Outcomes.Default, "pause"),
            new("split", "mail", "merge"),
            new("split", "calendar", "merge"),
            new("merge", Outcomes.Done, "done"),
            new("pause", Outcomes.Done, "remember"),
            new("remember", Outcomes.Done, "await"),
            new("await", Outcomes.Done, "done"),
        ],
    };

    public static JsonObject Settings(this WorkflowDefinition definition, int activityIndex) =>
        definition.Activities[activityIndex].Settings;

    private static ActivityNode Node(string id, string type, JsonObject settings, Position? position = null) =>
        new() { Id = id, Type = type, Name = $"The {id} step", Settings = settings, Position = position };
}
