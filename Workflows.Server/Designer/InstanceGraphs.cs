using FocWorkflows.Definitions.Layout;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Designer;

/// <summary>
/// Where an instance stands on its flowchart: steps it completed, steps it waits on, the step that
/// faulted, and the connections it went along (from the journal's completions and their outcomes).
/// </summary>
internal static class InstanceGraphs
{
    public static InstanceGraph Of(WorkflowDefinition definition, IEnumerable<JournalEntry> journal, IEnumerable<string> waiting, string? faulted)
    {
        var placed = AutoLayout.NeedsLayout(definition) ? AutoLayout.Apply(definition) : definition;
        var completions = journal.Where(e => e.Event == JournalEvents.Completed && e.NodeId is not null).ToList();
        var done = completions.Select(e => e.NodeId!).ToHashSet();
        var taken = completions.SelectMany(e => (e.Outcome ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => (e.NodeId!, o))).ToHashSet();
        var waitingOn = waiting.ToHashSet();

        string StateOf(ActivityNode node) =>
            node.Id == faulted ? StepStates.Faulted
            : waitingOn.Contains(node.Id) ? StepStates.Waiting
            : done.Contains(node.Id) ? StepStates.Done
            : StepStates.NotReached;

        return new InstanceGraph(
            [.. placed.Activities.Select(n => new GraphNode(n.Id, n.DisplayName, n.Type, n.Position?.X ?? 0, n.Position?.Y ?? 0, StateOf(n)))],
            [.. placed.Connections.Select(c => new GraphEdge(c.From, c.To, c.Outcome, taken.Contains((c.From, c.Outcome))))]);
    }
}
