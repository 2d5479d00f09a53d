using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The timer scenario: start, a delay until one fixed moment, end. Every instance's timer falls due at
/// that same moment, as when a deadline shared by many instances passes (or a server comes back after
/// downtime to a backlog).
/// </summary>
public static class TimerBurst
{
    public const string DefinitionId = "timer-burst";

    public static WorkflowDefinition Definition(DateTimeOffset dueAt) => new()
    {
        Id = DefinitionId,
        Name = "Timer burst",
        Activities =
        [
            new ActivityNode { Id = "start", Type = ControlActivityTypes.Start },
            new ActivityNode { Id = "delay", Type = ControlActivityTypes.Delay, Settings = new JsonObject { ["until"] = dueAt.ToString("O") } },
            new ActivityNode { Id = "end", Type = ControlActivityTypes.End },
        ],
        Connections = [new Connection("start", Outcomes.Done, "delay"), new Connection("delay", Outcomes.Done, "end")],
    };
}
