using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// The order rule for one calendar event's messages. A calendar must end as the workflow last said:
/// retries and several dispatchers must not let an old change land after a newer one, nor any change
/// reach an event after its cancellation. So an event's messages are delivered one at a time, oldest
/// first, and a change that a later one makes moot is not sent at all.
/// </summary>
internal static class CalendarOrder
{
    /// <summary>One message of the event, as the rule needs it.</summary>
    /// <param name="InFlight">Claimed by a dispatcher right now (its lease runs): it may be landing at Graph.</param>
    /// <param name="Attempted">Tried at least once: Graph may have it even if no outcome says so.</param>
    public sealed record Message(string Id, EventAction Action, OutboxStatus Status, bool InFlight, bool Attempted);

    /// <param name="Superseded">Pending messages to mark superseded, each with the later message that makes it moot.</param>
    /// <param name="MayClaim">Whether the asked-for message is now the event's oldest pending one.</param>
    public sealed record Decision(IReadOnlyList<(string Id, string By)> Superseded, bool MayClaim);

    /// <summary>Decides for <paramref name="messageId"/> given all of its event's messages, oldest first.</summary>
    public static Decision For(string messageId, IReadOnlyList<Message> oldestFirst)
    {
        var superseded = new List<(string, string)>();
        var moot = new HashSet<string>();
        for (var i = 0; i < oldestFirst.Count; i++)
        {
            var m = oldestFirst[i];
            if (m.Status != OutboxStatus.Pending || m.InFlight) continue;
            if (Later(oldestFirst, i, m) is { } by)
            {
                superseded.Add((m.Id, by.Id));
                moot.Add(m.Id);
            }
        }

        var head = oldestFirst.FirstOrDefault(m => m.Status == OutboxStatus.Pending && !moot.Contains(m.Id));
        return new Decision(superseded, head?.Id == messageId);
    }

    /// <summary>What a calendar message asks for, read from its payload as the composer reads it.</summary>
    public static EventAction ActionOf(string payloadJson) =>
        (System.Text.Json.Nodes.JsonNode.Parse(payloadJson)?["action"] as System.Text.Json.Nodes.JsonValue)?.ToString() switch
        {
            "update" => EventAction.Update,
            "cancel" => EventAction.Cancel,
            _ => EventAction.Create,
        };

    /// <summary>The later message that makes <paramref name="m"/> moot, if any.</summary>
    private static Message? Later(IReadOnlyList<Message> all, int index, Message m)
    {
        var later = all.Skip(index + 1).Where(l => l.Status is OutboxStatus.Pending or OutboxStatus.Sent).ToList();
        return m.Action switch
        {
            // An update carries the whole entry: any later change (or the cancellation) says more.
            EventAction.Update => later.FirstOrDefault(),
            // A create never tried can leave the creating to a later update (which creates when no event exists)
            // or to nobody, if the event is cancelled before it reached a calendar. One already tried may be in
            // Graph: it is still sent (Graph answers its transaction id with the same event), unless a later
            // change was already delivered, which it would overwrite.
            EventAction.Create => m.Attempted
                ? later.FirstOrDefault(l => l.Status == OutboxStatus.Sent)
                : later.FirstOrDefault(),
            // A cancellation is final for the entry it cancels: nothing later makes it moot.
            _ => null,
        };
    }
}
