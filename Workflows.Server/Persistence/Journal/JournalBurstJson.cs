using System.Buffers;
using System.Text;
using System.Text.Json;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence.HotPath;

namespace FocWorkflows.Server.Persistence.Journal;

/// <summary>
/// A burst's journal lines as the JSON array a <see cref="JournalBurstRow"/> stores. Every field a line's hash
/// covers is kept exactly: texts as they are (details stay a string, never re-formatted JSON), the moment in the
/// stored form every other table uses (<see cref="StoredTime"/>). Written and read with the streaming writer and
/// reader: this runs for every burst.
/// </summary>
public static class JournalBurstJson
{
    public static string Write(IReadOnlyList<JournalEntry> entries)
    {
        // A buffer and a writer kept per thread: the commit's writer calls this for every burst it writes.
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var json = _writer ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartArray();
        foreach (var e in entries)
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteNumber("at", StoredTime.Store(e.At));
            Text(json, "nodeId", e.NodeId);
            Text(json, "activityType", e.ActivityType);
            json.WriteString("event", e.Event);
            Text(json, "actor", e.Actor);
            Text(json, "onBehalfOf", e.OnBehalfOf);
            Text(json, "outcome", e.Outcome);
            Text(json, "details", e.DetailsJson);
            Text(json, "previousHash", e.PreviousHash);
            json.WriteString("hash", e.Hash);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>The lines of one stored row.</summary>
    public static IEnumerable<JournalEntry> Read(JournalBurstRow row)
    {
        using var document = JsonDocument.Parse(row.EntriesJson);
        var entries = new List<JournalEntry>(document.RootElement.GetArrayLength());
        foreach (var e in document.RootElement.EnumerateArray())
        {
            entries.Add(new JournalEntry
            {
                InstanceId = row.InstanceId,
                Sequence = e.GetProperty("sequence").GetInt64(),
                At = StoredTime.Read(e.GetProperty("at").GetInt64()),
                NodeId = Text(e, "nodeId"),
                ActivityType = Text(e, "activityType"),
                Event = Text(e, "event") ?? "",
                Actor = Text(e, "actor"),
                OnBehalfOf = Text(e, "onBehalfOf"),
                Outcome = Text(e, "outcome"),
                DetailsJson = Text(e, "details"),
                PreviousHash = Text(e, "previousHash"),
                Hash = Text(e, "hash") ?? "",
            });
        }
        return entries;
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
