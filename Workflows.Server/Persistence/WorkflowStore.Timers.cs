using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

// Claiming due timers: EF Core, with PostgreSQL's row locks where processes share the database.
internal sealed partial class WorkflowStore
{
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
}
