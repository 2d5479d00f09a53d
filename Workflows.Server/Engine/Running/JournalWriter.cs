using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Appends journal lines to a burst, chaining each line's hash to the previous one so the record
/// can be verified later (<see cref="JournalVerifier"/>), from what the database holds.
/// </summary>
public static class JournalWriter
{
    /// <summary>
    /// The precision of a journal line's time, in what is stored and in what is hashed: whole milliseconds. The
    /// database keeps moments at 0.1 ms (<c>DateTimeOffsetToBinaryConverter</c>), so a hash over finer ticks could
    /// never be recomputed from the stored line; a millisecond is kept exactly by every provider, and a time in
    /// whole seconds (every line written on a whole-second clock before this rule) hashes as it always did.
    /// </summary>
    public static readonly TimeSpan TimePrecision = TimeSpan.FromMilliseconds(1);

    public static JournalEntry Append(Burst burst, string @event, string? nodeId = null, string? activityType = null,
        string? outcome = null, JsonObject? details = null, string? actor = null)
    {
        var instance = burst.Instance;
        var entry = Create(instance.Id, instance.JournalSequence + 1, Canonical(burst.Now), nodeId, activityType, @event,
            actor ?? burst.Actor, burst.OnBehalfOf, outcome, details?.ToJsonString(), instance.JournalHead);
        instance.JournalSequence = entry.Sequence;
        instance.JournalHead = entry.Hash;
        burst.Journal.Add(entry);
        return entry;
    }

    /// <summary>The time as a journal line keeps it: cut (never rounded up) to <see cref="TimePrecision"/>.</summary>
    public static DateTimeOffset Canonical(DateTimeOffset at) => at.AddTicks(-(at.UtcTicks % TimePrecision.Ticks));

    /// <summary>The sequence of the first entry whose hash or link does not match (or that is missing), or null when intact.</summary>
    public static long? Verify(IEnumerable<JournalEntry> entries)
    {
        var verifier = new JournalVerifier();
        foreach (var e in entries.OrderBy(e => e.Sequence)) verifier.Add(e);
        return verifier.FirstBrokenSequence;
    }

    /// <summary>The hash a line must carry: over its stored fields and the previous line's hash.</summary>
    public static string Hash(JournalEntry e, string? previousHash) =>
        Hash(e.InstanceId, e.Sequence, e.At, e.NodeId, e.ActivityType, e.Event, e.Actor, e.OnBehalfOf, e.Outcome, e.DetailsJson, previousHash);

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
        // The fields joined by unit separators (which keep their boundaries unambiguous), as UTF-8; times are hashed in
        // UTC ticks so the stored offset cannot change the hash (a line's time is canonical, see TimePrecision). The
        // text is built in a buffer kept per thread: every line of every burst is hashed, and verified again later.
        var text = _hashInput ??= new ArrayBufferWriter<byte>(1024);
        text.ResetWrittenCount();
        Field(text, instanceId, first: true);
        Number(text, sequence);
        Number(text, at.UtcTicks);
        Field(text, nodeId);
        Field(text, activityType);
        Field(text, @event);
        Field(text, actor);
        Field(text, onBehalfOf);
        Field(text, outcome);
        Field(text, details);
        Field(text, previousHash);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _hashInput;

    private const byte UnitSeparator = 0x1f;

    private static void Field(ArrayBufferWriter<byte> text, string? value, bool first = false)
    {
        if (!first) text.Write([UnitSeparator]);
        if (string.IsNullOrEmpty(value)) return;
        var written = Encoding.UTF8.GetBytes(value, text.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length)));
        text.Advance(written);
    }

    private static void Number(ArrayBufferWriter<byte> text, long value)
    {
        text.Write([UnitSeparator]);
        value.TryFormat(text.GetSpan(20), out var written, provider: CultureInfo.InvariantCulture);
        text.Advance(written);
    }
}
