using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The side-by-side scenario, in our language: three steps (start, wait for the event "go" keyed by
/// the instance's own input, end). WorkflowCorePeer defines the same shape in WorkflowCore.
/// </summary>
public static class EventRoundTrip
{
    public const string DefinitionId = "event-round-trip";
    public const string EventName = "go";

    public static WorkflowDefinition Definition { get; } = new()
    {
        Id = DefinitionId,
        Name = "Event round trip",
        Inputs = [new InputDeclaration { Name = "key", Type = global::FocWorkflows.Definitions.Model.ValueType.String, Required = true }],
        Activities =
        [
            new ActivityNode { Id = "start", Type = ControlActivityTypes.Start },
            new ActivityNode
            {
                Id = "wait", Type = ControlActivityTypes.WaitForEvent,
                Settings = new JsonObject { ["eventName"] = EventName, ["correlationKey"] = SettingValue.JavaScript("input.key") },
            },
            new ActivityNode { Id = "end", Type = ControlActivityTypes.End },
        ],
        Connections = [new Connection("start", Outcomes.Done, "wait"), new Connection("wait", Outcomes.Done, "end")],
    };
}
