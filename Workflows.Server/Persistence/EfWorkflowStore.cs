using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// The engine's store on EF Core. A batch of bursts is one transaction; each burst is one SaveChanges
/// behind its own savepoint: the instance (guarded by its stamp), bookmarks, tasks, journal, outbox,
/// records and the idempotency key of a burst commit together or not at all.
/// </summary>
internal sealed class EfWorkflowStore(IDbContextFactory<WorkflowDbContext> contexts) : IWorkflowStore
{
    public async Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One connection for the three reads (EF would open and close it around each).
        await db.Database.OpenConnectionAsync(ct);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null) return null;
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == HumanTaskStatus.Open).ToListAsync(ct);
        return new InstanceSnapshot(instance, bookmarks, tasks);
    }

    public async Task<IReadOnlyList<Exception?>> CommitBatchAsync(IReadOnlyList<PendingCommit> commits, CancellationToken ct)
    {
        var outcomes = new Exception?[commits.Count];
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Every entity's state is set explicitly below: scanning them for changes would find nothing more.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < commits.Count; i++)
        {
            try
            {
                // Inside a transaction, SaveChanges puts a savepoint first and rolls back to it when it fails:
                // a burst that fails leaves the others of the batch untouched.
                await SaveAsync(db, commits[i], ct);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateIdempotencyKeyException or DbUpdateException)
            {
                outcomes[i] = e;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        try
        {
            await transaction.CommitAsync(ct);
        }
        catch
        {
            // Nothing of the batch happened: the instances keep the stamps they were loaded with.
            foreach (var (commit, outcome) in commits.Zip(outcomes))
                if (outcome is null && commit.LoadedStamp is { } stamp) commit.Burst.Instance.Stamp = stamp;
            throw;
        }
        return outcomes;
    }

    /// <summary>Adds one burst's rows and saves them; throws the engine's exception when the burst cannot commit.</summary>
    private static async Task SaveAsync(WorkflowDbContext db, PendingCommit commit, CancellationToken ct)
    {
        var (burst, loadedStamp) = commit;
        if (loadedStamp is { } stamp)
        {
            var entry = db.Instances.Attach(burst.Instance);
            entry.State = EntityState.Modified;
            // The launch input never changes: leave it out of the update.
            entry.Property(i => i.InputJson).IsModified = false;
            entry.Property(i => i.Stamp).OriginalValue = stamp;
            burst.Instance.Stamp = stamp + 1;
        }
        else
        {
            db.Instances.Add(burst.Instance);
        }
        db.Bookmarks.AddRange(burst.AddedBookmarks);
        db.Bookmarks.RemoveRange(burst.RemovedBookmarks);
        db.Bookmarks.UpdateRange(burst.RescheduledBookmarks);
        db.Tasks.AddRange(burst.AddedTasks);
        db.Tasks.UpdateRange(burst.ClosedTasks);
        db.Tasks.UpdateRange(burst.RescheduledTasks.Except(burst.ClosedTasks));
        db.Journal.AddRange(burst.Journal);
        db.Outbox.AddRange(burst.Outbox);
        foreach (var record in burst.Records) db.Add(record);
        foreach (var record in burst.UpdatedRecords) db.Update(record);
        if (burst.Idempotency is { } key) db.IdempotencyKeys.Add(key);

        try
        {
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            if (loadedStamp is { } s) burst.Instance.Stamp = s;
            throw new ConcurrencyConflictException($"Instance {burst.Instance.Id} changed while this burst ran.", e);
        }
        catch (DbUpdateException e) when (burst.Idempotency is not null && e.Entries.Any(x => x.Entity is IdempotencyRecord))
        {
            if (loadedStamp is { } s) burst.Instance.Stamp = s;
            throw new DuplicateIdempotencyKeyException(e);
        }
        catch (DbUpdateException e) when (loadedStamp is not null && UniqueViolation(e))
        {
            // A journal sequence already taken means another burst appended first.
            burst.Instance.Stamp = loadedStamp.Value;
            throw new ConcurrencyConflictException($"Instance {burst.Instance.Id} changed while this burst ran.", e);
        }
        catch (DbUpdateException)
        {
            if (loadedStamp is { } s) burst.Instance.Stamp = s;
            throw;
        }
    }

    public async Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Bookmarks.AsNoTracking().Where(b => b.Kind == kind && b.Key == key).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Bookmark>> ClaimDueTimersAsync(DateTimeOffset now, DateTimeOffset claimUntil, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // On SQLite the transaction begins IMMEDIATE, so it holds the write lock from the first read: nothing claims
        // or fires between the select and the mark. On PostgreSQL the rows are locked, skipping those others hold.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var timers = db.IsPostgres
            ? await PostgresRowClaims.LockDueTimersAsync(db, now, max, ct)
            : await DueTimers(db, now).Take(max).AsNoTracking().ToListAsync(ct);
        var ids = timers.Select(t => t.Id).ToList();
        if (ids.Count > 0)
            await db.Bookmarks.Where(b => ids.Contains(b.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(b => EF.Property<DateTimeOffset?>(b, BookmarkConfiguration.ClaimedUntil), claimUntil), ct);
        await tx.CommitAsync(ct);
        return timers;
    }

    /// <summary>
    /// Timers due by <paramref name="now"/> that nobody holds, oldest first, of instances that can fire them (running
    /// or waiting). A faulted instance's timers stay, for a retry, but outside this queue; an ended instance has none.
    /// The twin of <see cref="PostgresRowClaims.LockDueTimersAsync"/>: change both together.
    /// </summary>
    private static IQueryable<Bookmark> DueTimers(WorkflowDbContext db, DateTimeOffset now) => db.Bookmarks
        .Where(b => b.DueAt != null && b.DueAt <= now)
        .Where(b => EF.Property<DateTimeOffset?>(b, BookmarkConfiguration.ClaimedUntil) == null
            || EF.Property<DateTimeOffset?>(b, BookmarkConfiguration.ClaimedUntil) <= now)
        .Where(b => db.Instances.Any(i => i.Id == b.InstanceId && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Waiting)))
        .OrderBy(b => b.DueAt);

    public async Task ReleaseTimerClaimsAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken ct)
    {
        if (bookmarkIds.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Bookmarks.Where(b => bookmarkIds.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => EF.Property<DateTimeOffset?>(b, BookmarkConfiguration.ClaimedUntil), (DateTimeOffset?)null), ct);
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
    }

    public async Task<IReadOnlyList<IdempotencyRecord>> FindIdempotencyScopeAsync(string scope, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The scope leads the primary key: an index seek.
        return await db.IdempotencyKeys.AsNoTracking().Where(r => r.Scope == scope).ToListAsync(ct);
    }

    // By the databases' own codes, not their messages (which change with language and version): SQLite's extended
    // result code SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555), PostgreSQL's SQLSTATE 23505.
    private static bool UniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
