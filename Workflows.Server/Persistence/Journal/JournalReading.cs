using System.Runtime.CompilerServices;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence.Journal;

/// <summary>Journal lines read back from their burst rows, in sequence order, streamed row by row.</summary>
public static class JournalReading
{
    /// <summary>One instance's lines after <paramref name="after"/> up to <paramref name="upTo"/> (its stored head, when given).</summary>
    public static async IAsyncEnumerable<JournalEntry> LinesAsync(WorkflowDbContext db, string instanceId, long after = 0, long? upTo = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = db.JournalBursts.AsNoTracking().Where(r => r.InstanceId == instanceId && r.LastSequence > after);
        if (upTo is { } head) rows = rows.Where(r => r.FirstSequence <= head);
        await foreach (var row in rows.OrderBy(r => r.FirstSequence).AsAsyncEnumerable().WithCancellation(ct))
            foreach (var line in JournalBurstJson.Read(row))
                if (line.Sequence > after && (upTo is null || line.Sequence <= upTo)) yield return line;
    }

    /// <summary>Every line of the given instances, in (instance, sequence) order.</summary>
    public static async IAsyncEnumerable<JournalEntry> LinesOfAsync(WorkflowDbContext db, IReadOnlyCollection<string> instanceIds,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = db.JournalBursts.AsNoTracking().Where(r => instanceIds.Contains(r.InstanceId)).OrderBy(r => r.InstanceId).ThenBy(r => r.FirstSequence);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            foreach (var line in JournalBurstJson.Read(row))
                yield return line;
    }
}
