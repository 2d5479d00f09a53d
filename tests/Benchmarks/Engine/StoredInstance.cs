using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The shape of the many instances stored for the latency scenarios: after the start, two branches wait
/// side by side, a human task in one person's inbox and the event "nudge" keyed by the instance's own
/// key, and a join ends the instance when both are done. Each stored instance thus holds an open task
/// and two open bookmarks, as a deliberation waiting on people and on the outside world does.
/// </summary>
public static class StoredInstance
{
    public const string DefinitionId = "stored-instance";
    public const string EventName = "nudge";

    public static WorkflowDefinition Definition { get; } = new()
    {
        Id = DefinitionId,
        Name = "Stored instance",
        Inputs =
        [
            new InputDeclaration { Name = "key", Type = global::FocWorkflows.Definitions.Model.ValueType.String, Required = true },
            new InputDeclaration { Name = "assignee", Type = global::FocWorkflows.Definitions.Model.ValueType.String, Required = true },
        ],
        Activities =
        [
            new ActivityNode { Id = "start", Type = ControlActivityTypes.Start },
            new ActivityNode { Id = "fork", Type = ControlActivityTypes.Fork, Settings = new JsonObject { ["branches"] = new JsonArray("task", "event") } },
            new ActivityNode
            {
                Id = "review", Type = ControlActivityTypes.HumanTask,
                Settings = new JsonObject { ["title"] = "Review the draft", ["assignees"] = SettingValue.JavaScript("[input.assignee]") },
            },
            new ActivityNode
            {
                Id = "wait", Type = ControlActivityTypes.WaitForEvent,
                Settings = new JsonObject { ["eventName"] = EventName, ["correlationKey"] = SettingValue.JavaScript("input.key") },
            },
            new ActivityNode { Id = "join", Type = ControlActivityTypes.Join },
            new ActivityNode { Id = "end", Type = ControlActivityTypes.End },
        ],
        Connections =
        [
            new Connection("start", Outcomes.Done, "fork"),
            new Connection("fork", "task", "review"),
            new Connection("fork", "event", "wait"),
            new Connection("review", "Complete", "join"),
            new Connection("wait", Outcomes.Done, "join"),
            new Connection("join", Outcomes.Done, "end"),
        ],
    };
}
