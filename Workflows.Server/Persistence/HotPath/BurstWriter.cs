using System.Data.Common;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// Writes the engine's rows of a batch of bursts with plain statements, each prepared once on its session and
/// executed with new values for every row: the instance (guarded by its stamp), bookmarks, tasks, journal lines,
/// outbox messages and idempotency keys. EF Core's unit of work would build a change tracker, a model snapshot of
/// every row and fresh SQL for each burst; the rows are known, so they are written as they are.
/// </summary>
internal sealed class BurstWriter(StoreSession session, DbTransaction transaction)
{

    public Task InsertInstanceAsync(WorkflowInstance i, CancellationToken ct)
    {
        var s = Prepare($"INSERT INTO \"Instances\" ({EngineRows.InstanceColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)", 14);
        s[0] = i.Id; s[1] = i.DefinitionId; s[2] = i.DefinitionVersion; s[3] = i.Status.ToString(); s[4] = i.TaskForceId; s[5] = i.StartedBy;
        s[6] = StoredTime.Store(i.CreatedAt); s[7] = StoredTime.Store(i.UpdatedAt); s[8] = StoredTime.Store(i.EndedAt); s[9] = i.InputJson;
        s[10] = i.StateJson; s[11] = i.JournalSequence; s[12] = i.JournalHead; s[13] = i.Stamp;
        return s.ExecuteAsync(ct);
    }

    /// <summary>Updates what a burst may change (never the launch input); false when the stamp moved meanwhile.</summary>
    public async Task<bool> UpdateInstanceAsync(WorkflowInstance i, long loadedStamp, CancellationToken ct)
    {
        var s = Prepare("UPDATE \"Instances\" SET \"Status\" = @p0, \"UpdatedAt\" = @p1, \"EndedAt\" = @p2, \"StateJson\" = @p3, " +
            "\"JournalSequence\" = @p4, \"JournalHead\" = @p5, \"Stamp\" = @p6 WHERE \"Id\" = @p7 AND \"Stamp\" = @p8", 9);
        s[0] = i.Status.ToString(); s[1] = StoredTime.Store(i.UpdatedAt); s[2] = StoredTime.Store(i.EndedAt); s[3] = i.StateJson;
        s[4] = i.JournalSequence; s[5] = i.JournalHead; s[6] = i.Stamp; s[7] = i.Id; s[8] = loadedStamp;
        return await s.ExecuteAsync(ct) == 1;
    }

    public Task InsertBookmarkAsync(Bookmark b, CancellationToken ct)
    {
        var s = Prepare($"INSERT INTO \"Bookmarks\" ({EngineRows.BookmarkColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)", 8);
        s[0] = b.Id; s[1] = b.InstanceId; s[2] = b.NodeId; s[3] = b.Kind; s[4] = b.Key; s[5] = StoredTime.Store(b.DueAt);
        s[6] = StoredTime.Store(b.CreatedAt); s[7] = b.DataJson;
        return s.ExecuteAsync(ct);
    }

    public Task<int> DeleteBookmarkAsync(Bookmark b, CancellationToken ct)
    {
        var s = Prepare("DELETE FROM \"Bookmarks\" WHERE \"Id\" = @p0", 1);
        s[0] = b.Id;
        return s.ExecuteAsync(ct);
    }

    /// <summary>A moved timer is due afresh: a claim on its old due time no longer holds.</summary>
    public Task RescheduleBookmarkAsync(Bookmark b, CancellationToken ct)
    {
        var s = Prepare("UPDATE \"Bookmarks\" SET \"DueAt\" = @p0, \"ClaimedUntil\" = NULL WHERE \"Id\" = @p1", 2);
        s[0] = StoredTime.Store(b.DueAt); s[1] = b.Id;
        return s.ExecuteAsync(ct);
    }

    /// <summary>A task and its assignees (<see cref="Inbox.TaskAssigneeRow"/>).</summary>
    public async Task InsertTaskAsync(HumanTask t, CancellationToken ct)
    {
        var s = Prepare($"INSERT INTO \"Tasks\" ({EngineRows.TaskColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16)", 17);
        s[0] = t.Id; s[1] = t.InstanceId; s[2] = t.NodeId; s[3] = t.BookmarkId; s[4] = t.Title; s[5] = t.AssigneesJson; s[6] = t.ActionsJson;
        s[7] = t.FieldsJson; s[8] = StoredTime.Store(t.DueAt); s[9] = StoredTime.Store(t.CreatedAt); s[10] = t.ResourceHref; s[11] = t.Status.ToString();
        s[12] = StoredTime.Store(t.ClosedAt); s[13] = t.CompletedBy; s[14] = t.OnBehalfOf; s[15] = t.Action; s[16] = t.DataJson;
        await s.ExecuteAsync(ct);
        var assignee = Prepare("INSERT INTO \"TaskAssignees\" (\"Assignee\", \"TaskId\") VALUES (@p0, @p1)", 2);
        foreach (var key in TaskAssignment.Assignees(t).Select(Inbox.TaskAssigneeRow.Key).Distinct(StringComparer.Ordinal))
        {
            assignee[0] = key; assignee[1] = t.Id;
            await assignee.ExecuteAsync(ct);
        }
    }

    /// <summary>What a burst changes on a stored task: its due time, or its closing.</summary>
    public Task UpdateTaskAsync(HumanTask t, CancellationToken ct)
    {
        var s = Prepare("UPDATE \"Tasks\" SET \"DueAt\" = @p0, \"Status\" = @p1, \"ClosedAt\" = @p2, \"CompletedBy\" = @p3, \"OnBehalfOf\" = @p4, " +
            "\"Action\" = @p5, \"DataJson\" = @p6 WHERE \"Id\" = @p7", 8);
        s[0] = StoredTime.Store(t.DueAt); s[1] = t.Status.ToString(); s[2] = StoredTime.Store(t.ClosedAt); s[3] = t.CompletedBy;
        s[4] = t.OnBehalfOf; s[5] = t.Action; s[6] = t.DataJson; s[7] = t.Id;
        return s.ExecuteAsync(ct);
    }

    /// <summary>A burst's journal lines, as one row (<see cref="Journal.JournalBurstRow"/>).</summary>
    public Task InsertJournalAsync(string instanceId, IReadOnlyList<JournalEntry> lines, CancellationToken ct)
    {
        var s = Prepare("INSERT INTO \"JournalBursts\" (\"InstanceId\", \"FirstSequence\", \"LastSequence\", \"EntriesJson\") VALUES (@p0, @p1, @p2, @p3)", 4);
        s[0] = instanceId; s[1] = lines[0].Sequence; s[2] = lines[^1].Sequence; s[3] = Journal.JournalBurstJson.Write(lines);
        return s.ExecuteAsync(ct);
    }

    public Task InsertOutboxAsync(OutboxMessage m, CancellationToken ct)
    {
        var s = Prepare("INSERT INTO \"Outbox\" (\"Id\", \"InstanceId\", \"NodeId\", \"Kind\", \"EventKey\", \"SupersededBy\", \"PayloadJson\", \"CreatedAt\", " +
            "\"Status\", \"Attempts\", \"NextAttemptAt\", \"LastError\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)", 12);
        s[0] = m.Id; s[1] = m.InstanceId; s[2] = m.NodeId; s[3] = m.Kind; s[4] = m.EventKey; s[5] = m.SupersededBy; s[6] = m.PayloadJson;
        s[7] = StoredTime.Store(m.CreatedAt); s[8] = m.Status.ToString(); s[9] = m.Attempts; s[10] = StoredTime.Store(m.NextAttemptAt); s[11] = m.LastError;
        return s.ExecuteAsync(ct);
    }

    public Task InsertIdempotencyAsync(IdempotencyRecord r, CancellationToken ct)
    {
        var s = Prepare($"INSERT INTO \"IdempotencyKeys\" ({EngineRows.IdempotencyColumns}) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        s[0] = r.Scope; s[1] = r.Key; s[2] = r.RequestHash; s[3] = r.ResourceId; s[4] = StoredTime.Store(r.CreatedAt);
        return s.ExecuteAsync(ct);
    }

    // Savepoints: a burst that fails is undone alone, and the batch's transaction goes on with the next.
    public Task SavepointAsync(CancellationToken ct) => Prepare("SAVEPOINT burst", 0).ExecuteAsync(ct);

    public Task ReleaseAsync(CancellationToken ct) => Prepare("RELEASE SAVEPOINT burst", 0).ExecuteAsync(ct);

    public Task RollBackAsync(CancellationToken ct) => Prepare("ROLLBACK TO SAVEPOINT burst", 0).ExecuteAsync(ct);

    private Statement Prepare(string sql, int parameters) => session.Statement(sql, parameters, transaction);
}
