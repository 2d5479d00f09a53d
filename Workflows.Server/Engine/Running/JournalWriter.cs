using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Appends journal lines to a burst, chaining each line's hash to the previous one so the record
/// can be verified later (<see cref="Verify"/>).
/// </summary>
public static class JournalWriter
{
    public static JournalEntry Append(Burst burst, string @event, string? nodeId = null, string? activityType = null,
        string? outcome = null, JsonObject? details = null, string? actor = null)
    {
        var instance = burst.Instance;
        var entry = Create(instance.Id, instance.JournalSequence + 1, burst.Now, nodeId, activityType, @event,
            actor ?? burst.Actor, burst.OnBehalfOf, outcome, details?.ToJsonString(), instance.JournalHead);
        instance.JournalSequence = entry.Sequence;
        instance.JournalHead = entry.Hash;
        burst.Journal.Add(entry);
        return entry;
    }

    /// <summary>The sequence of the first entry whose hash or link does not match, or null when intact.</summary>
    public static long? Verify(IEnumerable<JournalEntry> entries)
    {
        string? previous = null;
        long expected = 1;
        foreach (var e in entries.OrderBy(e => e.Sequence))
        {
            var recomputed = Hash(e.InstanceId, e.Sequence, e.At, e.NodeId, e.ActivityType, e.Event, e.Actor, e.OnBehalfOf, e.Outcome, e.DetailsJson, previous);
            if (e.Sequence != expected || e.PreviousHash != previous || e.Hash != recomputed) return e.Sequence;
            previous = e.Hash;
            expected++;
        }
        return null;
    }

    private static JournalEntry Create(string instanceId, long sequence, DateTimeOffset at, string? nodeId, string? activityType,
        string @event, string? actor, string? onBehalfOf, string? outcome, string? details, string? previousHash) => new()
    {
        InstanceId = instanceId,
        Sequence = sequence,
        At = at,
        NodeId = nodeId,
        ActivityType = activityType,
        Event = @event,
        Actor = actor,
        OnBehalfOf = onBehalfOf,
        Outcome = outcome,
        DetailsJson = details,
        PreviousHash = previousHash,
        Hash = Hash(instanceId, sequence, at, nodeId, activityType, @event, actor, onBehalfOf, outcome, details, previousHash),
    };

    private static string Hash(string instanceId, long sequence, DateTimeOffset at, string? nodeId, string? activityType,
        string @event, string? actor, string? onBehalfOf, string? outcome, string? details, string? previousHash)
    {
        // Unit separators keep field boundaries unambiguous; times are hashed in UTC ticks so the
        // stored offset cannot change the hash.
        var text = string.Join('\u001f', instanceId, sequence, at.UtcTicks, nodeId, activityType, @event, actor, onBehalfOf, outcome, details, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
