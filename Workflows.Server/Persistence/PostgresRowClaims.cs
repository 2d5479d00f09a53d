using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// How several server processes sharing one PostgreSQL database take due rows: <c>FOR UPDATE SKIP LOCKED</c>
/// in the caller's transaction, which then marks the rows as taken (a lease) before it commits. A process
/// never waits for another's claim and never takes a row another holds; a lease outlives a crashed claimer
/// only until it expires. SQLite has no row locks and is one process, so its stores claim without these.
/// </summary>
internal static class PostgresRowClaims
{
    /// <summary>Locks up to <paramref name="max"/> timers due by now that nobody holds, oldest first.</summary>
    public static Task<List<Bookmark>> LockDueTimersAsync(WorkflowDbContext db, DateTimeOffset now, int max, CancellationToken ct)
    {
        var at = Stored(db, now);
        return db.Bookmarks.FromSql($"""
            SELECT * FROM "Bookmarks"
            WHERE "DueAt" <= {at} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {at})
            ORDER BY "DueAt" LIMIT {max}
            FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Locks the outbox message if it is due and pending (its lease, if any, is over); false if not, or if another process holds it.</summary>
    public static async Task<bool> LockDueMessageAsync(WorkflowDbContext db, string messageId, DateTimeOffset now, CancellationToken ct)
    {
        var at = Stored(db, now);
        var pending = nameof(OutboxStatus.Pending);
        var locked = await db.Database.SqlQuery<string>($"""
            SELECT "Id" AS "Value" FROM "Outbox"
            WHERE "Id" = {messageId} AND "Status" = {pending} AND "NextAttemptAt" <= {at}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        return locked.Count == 1;
    }

    // Raw SQL parameters skip the model's value converters: moments are compared as the model stores them.
    private static object Stored(WorkflowDbContext db, DateTimeOffset moment) =>
        db.Model.FindEntityType(typeof(Bookmark))!.FindProperty(nameof(Bookmark.DueAt))!.GetTypeMapping().Converter!.ConvertToProvider(moment)!;
}
