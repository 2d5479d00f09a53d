using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Layout;

/// <summary>
/// Places nodes that have no position, so an imported definition opens readable on the canvas:
/// columns by the longest path from the start nodes (loops ignored), rows in definition order,
/// nodes the start never reaches in a last column. Nodes that have a position keep it.
/// </summary>
public static class AutoLayout
{
    public const double ColumnWidth = 220, RowHeight = 120;

    public static bool NeedsLayout(WorkflowDefinition definition) => definition.Activities.Any(a => a.Position is null);

    public static WorkflowDefinition Apply(WorkflowDefinition definition)
    {
        if (!NeedsLayout(definition)) return definition;
        var layers = Layers(definition);
        var lastColumn = layers.Count == 0 ? 0 : layers.Values.Max() + 1;
        var rows = new Dictionary<int, int>();
        var placed = definition.Activities.Select(node =>
        {
            var layer = layers.TryGetValue(node.Id, out var l) ? l : lastColumn;
            var row = rows[layer] = rows.GetValueOrDefault(layer, -1) + 1;
            return node.Position is null ? node with { Position = new Position(ColumnWidth * layer, RowHeight * row) } : node;
        });
        return definition with { Activities = [.. placed] };
    }

    /// <summary>Longest distance from a start node for each reachable node.</summary>
    private static Dictionary<string, int> Layers(WorkflowDefinition definition)
    {
        var ids = definition.Activities.Select(a => a.Id).ToHashSet();
        var next = definition.Activities.ToDictionary(a => a.Id, a => definition.ConnectionsFrom(a.Id)
            .Select(c => c.To).Where(ids.Contains).Distinct().ToList());
        var starts = definition.Activities.Where(a => a.Type == ControlActivityTypes.Start).Select(a => a.Id).ToList();
        if (starts.Count == 0)
        {
            var entered = definition.Connections.Where(c => c.From != c.To).Select(c => c.To).ToHashSet();
            starts = [.. definition.Activities.Where(a => !entered.Contains(a.Id) && next[a.Id].Count > 0).Select(a => a.Id)];
        }

        var forward = ForwardEdges(starts, next, out var reached);
        var indegree = reached.ToDictionary(id => id, _ => 0);
        foreach (var (_, to) in forward) indegree[to]++;
        var layers = reached.ToDictionary(id => id, _ => 0);
        var ready = new Queue<string>(reached.Where(id => indegree[id] == 0));
        var outgoing = forward.ToLookup(e => e.From, e => e.To);
        while (ready.TryDequeue(out var id))
            foreach (var to in outgoing[id])
            {
                layers[to] = Math.Max(layers[to], layers[id] + 1);
                if (--indegree[to] == 0) ready.Enqueue(to);
            }
        return layers;
    }

    /// <summary>Edges of a depth-first walk from the starts, without those that close a loop.</summary>
    private static List<(string From, string To)> ForwardEdges(List<string> starts, Dictionary<string, List<string>> next, out List<string> reached)
    {
        var edges = new List<(string, string)>();
        var onPath = new HashSet<string>();
        var visited = new HashSet<string>();
        var order = new List<string>();
        void Visit(string id)
        {
            visited.Add(id);
            order.Add(id);
            onPath.Add(id);
            foreach (var to in next[id])
            {
                if (onPath.Contains(to)) continue;
                edges.Add((id, to));
                if (!visited.Contains(to)) Visit(to);
            }
            onPath.Remove(id);
        }
        foreach (var start in starts.Where(s => !visited.Contains(s))) Visit(start);
        reached = order;
        return edges;
    }
}
