using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Elsa runs a flowchart that has no <c>Elsa.Start</c> from its <c>root.start</c> activity, else from
/// the activities nothing leads to; our definitions begin at a <c>control.start</c> node. The importer
/// adds one, first in the list and named <see cref="Name"/>. The exporter leaves it out again, knowing
/// it by what the node itself carries: a node has no metadata field, and a start no settings, so its
/// name is the mark (renaming it is how someone keeps it as a real <c>Elsa.Start</c>). Its position and
/// place in the lists are not checked: the auto-layout of a file without positions, or an editor,
/// change them, and the engine ignores them. Its wiring is checked, so leaving it out keeps where Elsa
/// begins: nothing may lead to it, and it leads by Done to one node (written as <c>root.start</c>) or
/// to exactly the nodes nothing else leads to.
/// </summary>
internal static class ElsaImplicitStart
{
    public const string Name = "Start (added on import)";
    private const string BaseId = "start";

    // About one Elsa node's width plus a gap, so the added start sits just left of where the flow begins.
    private const double OffsetX = 200;

    /// <summary>The start an imported flowchart needs, or null when it has one already or has no nodes.</summary>
    public static (ActivityNode Node, List<Connection> Connections)? For(
        IReadOnlyList<ActivityNode> nodes, IReadOnlyList<Connection> connections, string? rootStart)
    {
        if (nodes.Count == 0 || nodes.Any(n => n.Type == ControlActivityTypes.Start)) return null;
        var targets = Targets(nodes, connections, rootStart);
        var first = nodes.First(n => n.Id == targets[0]);
        var start = new ActivityNode
        {
            Id = FreeId(nodes),
            Type = ControlActivityTypes.Start,
            Name = Name,
            Position = first.Position is { } p ? new Position(p.X - OffsetX, p.Y) : null,
        };
        return (start, [.. targets.Select(t => new Connection(start.Id, Outcomes.Done, t))]);
    }

    /// <summary>
    /// The added start of a definition, if it is still as the importer made it, and the <c>root.start</c>
    /// that makes Elsa begin where it led (when it led to one node). Null when there is none to leave out.
    /// </summary>
    public static (string NodeId, string? RootStart)? Find(WorkflowDefinition definition)
    {
        var starts = definition.Activities.Where(n => n.Type == ControlActivityTypes.Start).ToList();
        if (starts is not [{ Name: Name } start] || start.Settings.Count > 0) return null;
        if (definition.Connections.Any(c => c.To == start.Id)) return null;

        var outgoing = definition.ConnectionsFrom(start.Id).ToList();
        if (outgoing.Count == 0 || outgoing.Any(c => c.Outcome != Outcomes.Done)) return null;
        var led = outgoing.Select(c => c.To).Distinct(StringComparer.Ordinal).ToList();
        if (led.Count == 1) return (start.Id, led[0]);

        // Without root.start Elsa begins at every activity nothing leads to; only those may be where the start led.
        var nodes = definition.Activities.Where(n => n.Id != start.Id).ToList();
        var rest = definition.Connections.Where(c => c.From != start.Id).ToList();
        return nodes.Count > 0 && Targets(nodes, rest, null).ToHashSet(StringComparer.Ordinal).SetEquals(led) ? (start.Id, null) : null;
    }

    private static List<string> Targets(IReadOnlyList<ActivityNode> nodes, IReadOnlyList<Connection> connections, string? rootStart)
    {
        if (rootStart is not null && nodes.Any(n => n.Id == rootStart)) return [rootStart];
        var led = connections.Select(c => c.To).ToHashSet(StringComparer.Ordinal);
        var roots = nodes.Select(n => n.Id).Where(id => !led.Contains(id)).Distinct().ToList();
        // A flowchart that is one closed loop has no such activity; Elsa then begins with its first activity.
        return roots.Count > 0 ? roots : [nodes[0].Id];
    }

    private static string FreeId(IReadOnlyList<ActivityNode> nodes)
    {
        var taken = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(BaseId)) return BaseId;
        var n = 2;
        while (taken.Contains($"{BaseId}-{n}")) n++;
        return $"{BaseId}-{n}";
    }
}
