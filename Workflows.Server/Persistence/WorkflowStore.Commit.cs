using System.Data.Common;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.HotPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FocWorkflows.Server.Persistence;

// Committing a batch of bursts: one transaction, a savepoint per burst.
internal sealed partial class WorkflowStore
{
    public async Task<IReadOnlyList<Exception?>> CommitBatchAsync(IReadOnlyList<PendingCommit> commits, CancellationToken ct)
    {
        // Most bursts write only the engine's rows: plain statements on a plain connection. A batch in which some
        // burst carries domain records (drafts, comments, responses) runs on an EF Core context's connection and
        // transaction instead, so those records are saved by EF Core in the same transaction.
        if (!commits.Any(c => c.Burst.Records.Count > 0 || c.Burst.UpdatedRecords.Count > 0))
        {
            await using var connection = await connections.OpenAsync(ct);
            await using var plain = await connection.BeginTransactionAsync(ct);
            return await CommitAsync(commits, connection, plain, null, () => plain.CommitAsync(ct), ct);
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        return await CommitAsync(commits, db.Database.GetDbConnection(), transaction.GetDbTransaction(), db, () => transaction.CommitAsync(ct), ct);
    }

    private async Task<IReadOnlyList<Exception?>> CommitAsync(IReadOnlyList<PendingCommit> commits, DbConnection connection, DbTransaction transaction,
        WorkflowDbContext? db, Func<Task> commit, CancellationToken ct)
    {
        var outcomes = new Exception?[commits.Count];
        await using (var writer = new BurstWriter(connections, connection, transaction))
        {
            for (var i = 0; i < commits.Count; i++)
            {
                await writer.SavepointAsync(ct);
                try
                {
                    await SaveAsync(db, writer, commits[i], ct);
                    await writer.ReleaseAsync(ct);
                }
                catch (Exception e) when (e is ConcurrencyConflictException or DuplicateIdempotencyKeyException or DbUpdateException or DbException)
                {
                    // This burst alone is undone; the batch goes on. (If the rollback itself fails, the transaction is
                    // lost, and with it the whole batch.)
                    outcomes[i] = e;
                    foreach (var observer in connections.Observers) observer.Refused(e);
                    if (commits[i].LoadedStamp is { } loaded) commits[i].Burst.Instance.Stamp = loaded;
                    await writer.RollBackAsync(ct);
                    await writer.ReleaseAsync(ct);
                }
                finally
                {
                    db?.ChangeTracker.Clear();
                }
            }
        }
        try
        {
            foreach (var observer in connections.Observers) observer.Committing();
            await commit();
        }
        catch
        {
            // Nothing of the batch happened: the instances keep the stamps they were loaded with.
            foreach (var (pending, outcome) in commits.Zip(outcomes))
                if (outcome is null && pending.LoadedStamp is { } stamp) pending.Burst.Instance.Stamp = stamp;
            throw;
        }
        return outcomes;
    }

    /// <summary>Writes one burst's rows; throws the engine's exception when the burst cannot commit.</summary>
    private static async Task SaveAsync(WorkflowDbContext? db, BurstWriter writer, PendingCommit commit, CancellationToken ct)
    {
        var (burst, loadedStamp) = commit;
        var instance = burst.Instance;
        // The instance first: its stamp decides whether anything else of the burst may be written.
        if (loadedStamp is { } stamp)
        {
            instance.Stamp = stamp + 1;
            if (!await writer.UpdateInstanceAsync(instance, stamp, ct)) throw Conflict(instance.Id);
        }
        else
        {
            await writer.InsertInstanceAsync(instance, ct);
        }

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
