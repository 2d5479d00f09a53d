using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// The bookkeeping behind joins. A join waiting for all branches is released once every inbound
/// connection has either delivered a token or can no longer deliver one (nothing live upstream can
/// reach it), so a branch that a decision skipped never blocks the join forever.
/// </summary>
public static class JoinCoordinator
{
    public static void Arrive(Burst burst, string joinId, string? from, string? outcome)
    {
        if (!burst.State.Joins.TryGetValue(joinId, out var arrivals))
            burst.State.Joins[joinId] = arrivals = new JoinArrivals();
        var key = ConnectionKey(from, outcome);
        if (!arrivals.Arrived.Contains(key)) arrivals.Arrived.Add(key);
    }

    public static bool AllArrived(Burst burst, string joinId)
    {
        var arrived = burst.State.Joins.TryGetValue(joinId, out var a) ? a.Arrived : [];
        var missing = burst.Definition.ConnectionsTo(joinId).Where(c => !arrived.Contains(ConnectionKey(c.From, c.Outcome))).ToList();
        if (missing.Count == 0) return true;
        // A branch whose token is already queued for this join has not arrived yet, but will.
        if (missing.Any(c => burst.State.Tokens.Any(t => t.NodeId == joinId && t.FromNodeId == c.From && t.Outcome == c.Outcome)))
            return false;
        var reachable = ReachableFromLiveNodes(burst, joinId);
        return missing.All(c => !reachable.Contains(c.From));
    }

    public static void Release(Burst burst, string joinId) => burst.State.Joins.Remove(joinId);

    /// <summary>Joins that started a round but whose missing branches can no longer arrive.</summary>
    public static IReadOnlyList<string> Stalled(Burst burst) =>
        [.. burst.State.Joins.Keys.Where(id => AllArrived(burst, id))];

    /// <summary>
    /// For a join that waits for any branch: the other branches still running towards it are
    /// cancelled (their queued tokens, including those already queued at the join, and open
    /// bookmarks), as Elsa's WaitAny does, so the join continues once.
    /// </summary>
    public static IReadOnlyList<Bookmark> CancelSiblingBranches(Burst burst, string joinId)
    {
        var upstream = Upstream(burst.Definition, joinId);
        burst.State.Tokens.RemoveAll(t => upstream.Contains(t.NodeId) || t.NodeId == joinId);
        return [.. burst.OpenBookmarks.Where(b => upstream.Contains(b.NodeId))];
    }

    private static HashSet<string> ReachableFromLiveNodes(Burst burst, string joinId)
    {
        var live = burst.State.Tokens.Select(t => t.NodeId)
            .Concat(burst.OpenBookmarks.Select(b => b.NodeId))
            .Concat(burst.State.Joins.Keys)
            .Where(id => id != joinId);
        var seen = new HashSet<string>();
        var queue = new Queue<string>(live);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id)) continue;
            foreach (var c in burst.Definition.ConnectionsFrom(id))
                if (c.To != joinId) queue.Enqueue(c.To);
        }
        return seen;
    }

    private static HashSet<string> Upstream(WorkflowDefinition definition, string nodeId)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>(definition.ConnectionsTo(nodeId).Select(c => c.From));
        while (queue.TryDequeue(out var id))
        {
            if (id == nodeId || !seen.Add(id)) continue;
            foreach (var c in definition.ConnectionsTo(id)) queue.Enqueue(c.From);
        }
        return seen;
    }

    private static string ConnectionKey(string? from, string? outcome) => $"{from}|{outcome}";
}
