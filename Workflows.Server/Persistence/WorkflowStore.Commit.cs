using System.Data.Common;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.HotPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FocWorkflows.Server.Persistence;

// Committing a batch of bursts in one transaction, each burst all or nothing on its own.
internal sealed partial class WorkflowStore
{
    public async Task<IReadOnlyList<Exception?>> CommitBatchAsync(IReadOnlyList<PendingCommit> commits, CancellationToken ct)
    {
        var outcomes = new Exception?[commits.Count];
        while (true)
        {
            try
            {
                await CommitOnceAsync(commits, outcomes, ct);
                return outcomes;
            }
            catch (BurstFailedMidWrite failed)
            {
                // The transaction is rolled back with this burst's half-written rows: try the batch again without it.
                outcomes[failed.Index] = failed.InnerException;
                foreach (var observer in connections.Observers) observer.Refused(failed.InnerException!);
            }
            catch
            {
                // Nothing of the batch happened: the instances keep the stamps they were loaded with.
                RestoreStamps(commits, outcomes);
                throw;
            }
            RestoreStamps(commits, outcomes);
        }
    }

    private static void RestoreStamps(IReadOnlyList<PendingCommit> commits, Exception?[] outcomes)
    {
        for (var i = 0; i < commits.Count; i++)
            if (outcomes[i] is null && commits[i].LoadedStamp is { } stamp) commits[i].Burst.Instance.Stamp = stamp;
    }

    /// <summary>One attempt at the batch, leaving out the bursts already refused in <paramref name="outcomes"/>.</summary>
    private async Task CommitOnceAsync(IReadOnlyList<PendingCommit> commits, Exception?[] outcomes, CancellationToken ct)
    {
        // Most bursts write only the engine's rows: plain statements on a plain connection. A batch in which some
        // burst carries domain records (drafts, comments, responses) runs on an EF Core context's connection and
        // transaction instead, so those records are saved by EF Core in the same transaction.
        if (!commits.Any(c => CarriesRecords(c.Burst)))
        {
            await connections.UseAsync(async session =>
            {
                await using var plain = await session.Connection.BeginTransactionAsync(ct);
                await WriteAsync(commits, outcomes, session, plain, null, ct);
                foreach (var observer in connections.Observers) observer.Committing();
                await plain.CommitAsync(ct);
                return true;
            }, ct);
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var session = connections.On(db.Database.GetDbConnection()))
            await WriteAsync(commits, outcomes, session, transaction.GetDbTransaction(), db, ct);
        foreach (var observer in connections.Observers) observer.Committing();
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Writes each burst not yet refused. A burst whose first statement (its instance's stamp check, or a new
    /// instance) goes through writes nothing that can fail for a reason of its own: its rows are new or guarded by
    /// that stamp. Such a burst needs no savepoint, which would cost two statements more in the single writer's
    /// path; should one of its statements fail all the same (a full disk, a constraint nobody expected), the
    /// attempt is abandoned (<see cref="BurstFailedMidWrite"/>) and the batch written again without it. A burst
    /// whose later rows can be refused on their own (a reused idempotency key, domain records under their own
    /// constraints) is written behind a savepoint and rolled back alone.
    /// </summary>
    private async Task WriteAsync(IReadOnlyList<PendingCommit> commits, Exception?[] outcomes, StoreSession session, DbTransaction transaction,
        WorkflowDbContext? db, CancellationToken ct)
    {
        var writer = new BurstWriter(session, transaction);
        for (var i = 0; i < commits.Count; i++)
        {
            if (outcomes[i] is not null) continue;
            var commit = commits[i];
            var guarded = commit.Burst.Idempotency is not null || CarriesRecords(commit.Burst);
            if (guarded) await writer.SavepointAsync(ct);
            var firstWritten = false;
            try
            {
                await WriteInstanceAsync(writer, commit, ct);
                firstWritten = true;
                await WriteRestAsync(db, writer, commit, ct);
                if (guarded) await writer.ReleaseAsync(ct);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateIdempotencyKeyException or DbUpdateException or DbException)
            {
                if (!guarded && firstWritten) throw new BurstFailedMidWrite(i, e);
                // Refused before it wrote anything, or rolled back to its savepoint: the batch goes on without it.
                outcomes[i] = e;
                foreach (var observer in connections.Observers) observer.Refused(e);
                if (commit.LoadedStamp is { } loaded) commit.Burst.Instance.Stamp = loaded;
                if (guarded)
                {
                    await writer.RollBackAsync(ct);
                    await writer.ReleaseAsync(ct);
                }
            }
            finally
            {
                db?.ChangeTracker.Clear();
            }
        }
    }

    private static bool CarriesRecords(Burst burst) => burst.Records.Count > 0 || burst.UpdatedRecords.Count > 0;

    /// <summary>The instance first: its stamp decides whether anything else of the burst may be written.</summary>
    private static async Task WriteInstanceAsync(BurstWriter writer, PendingCommit commit, CancellationToken ct)
    {
        var instance = commit.Burst.Instance;
        if (commit.LoadedStamp is { } stamp)
        {
            instance.Stamp = stamp + 1;
            if (!await writer.UpdateInstanceAsync(instance, stamp, ct)) throw Conflict(instance.Id);
        }
        else
        {
            await writer.InsertInstanceAsync(instance, ct);
        }
    }

    /// <summary>A burst's statement failed after others of it were written, in a burst without a savepoint.</summary>
    private sealed class BurstFailedMidWrite(int index, Exception inner) : Exception("A burst failed after part of it was written.", inner)
    {
        public int Index { get; } = index;
    }

    /// <summary>Writes the rest of a burst's rows; throws the engine's exception when the burst cannot commit.</summary>
    private static async Task WriteRestAsync(WorkflowDbContext? db, BurstWriter writer, PendingCommit commit, CancellationToken ct)
    {
        var burst = commit.Burst;
        var instance = burst.Instance;

        foreach (var bookmark in burst.RemovedBookmarks)
            if (await writer.DeleteBookmarkAsync(bookmark, ct) == 0) throw Conflict(instance.Id);
        foreach (var bookmark in burst.AddedBookmarks) await writer.InsertBookmarkAsync(bookmark, ct);
        foreach (var bookmark in burst.RescheduledBookmarks) await writer.RescheduleBookmarkAsync(bookmark, ct);
        foreach (var task in burst.AddedTasks) await writer.InsertTaskAsync(task, ct);
        foreach (var task in burst.ClosedTasks) await writer.UpdateTaskAsync(task, ct);
        foreach (var task in burst.RescheduledTasks)
            if (!burst.ClosedTasks.Contains(task)) await writer.UpdateTaskAsync(task, ct);
        try
        {
            if (burst.Journal.Count > 0) await writer.InsertJournalAsync(instance.Id, burst.Journal, ct);
        }
        catch (DbException e) when (UniqueViolation(e))
        {
            // A journal sequence already taken means another burst appended first.
            throw Conflict(instance.Id, e);
        }
        foreach (var message in burst.Outbox) await writer.InsertOutboxAsync(message, ct);
        if (burst.Idempotency is { } key)
        {
            try
            {
                await writer.InsertIdempotencyAsync(key, ct);
            }
            catch (DbException e) when (UniqueViolation(e))
            {
                throw new DuplicateIdempotencyKeyException(e);
            }
        }

        if (db is null || (burst.Records.Count == 0 && burst.UpdatedRecords.Count == 0)) return;
        foreach (var record in burst.Records) db.Add(record);
        foreach (var record in burst.UpdatedRecords) db.Update(record);
        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
    }

    private static ConcurrencyConflictException Conflict(string instanceId, Exception? inner = null) =>
        new($"Instance {instanceId} changed while this burst ran.", inner);

    // By the databases' own codes, not their messages (which change with language and version): SQLite's extended
    // result code SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555), PostgreSQL's SQLSTATE 23505.
    private static bool UniqueViolation(DbException e) => e switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
