using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// How several server processes sharing one PostgreSQL database take due rows: <c>FOR UPDATE SKIP LOCKED</c>
/// in the caller's transaction, which then marks the rows as taken (a lease) before it commits. A process
/// never waits for another's claim and never takes a row another holds; a lease outlives a crashed claimer
/// only until it expires. SQLite has no row locks and is one process: its stores claim in a write transaction,
/// which shuts out every other writer.
/// </summary>
internal static class PostgresRowClaims
{
    /// <summary>
    /// Locks up to <paramref name="max"/> timers due by now that nobody holds, oldest first, of instances that can fire
    /// them (running or waiting): a faulted instance's timers are never taken, so never taken again and again.
    /// </summary>
    public static Task<List<Bookmark>> LockDueTimersAsync(WorkflowDbContext db, DateTimeOffset now, int max, CancellationToken ct)
    {
        var at = Stored(db, now);
        var running = nameof(InstanceStatus.Running);
        var waiting = nameof(InstanceStatus.Waiting);
        return db.Bookmarks.FromSql($"""
            SELECT b.* FROM "Bookmarks" AS b
            JOIN "Instances" AS i ON i."Id" = b."InstanceId"
            WHERE b."DueAt" <= {at} AND (b."ClaimedUntil" IS NULL OR b."ClaimedUntil" <= {at})
              AND i."Status" IN ({running}, {waiting})
            ORDER BY b."DueAt" LIMIT {max}
            FOR UPDATE OF b SKIP LOCKED
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

    /// <summary>
    /// Serialises, across processes, the decisions about one calendar event's messages (which is next, which are moot)
    /// until the transaction ends. Taken before any of the event's rows is locked, so two claimers never deadlock.
    /// </summary>
    public static Task LockEventAsync(WorkflowDbContext db, string eventKey, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"outbox-event:" + eventKey}, 0))", ct);

    // Raw SQL parameters skip the model's value converters: moments are compared as the model stores them.
    private static object Stored(WorkflowDbContext db, DateTimeOffset moment) =>
        db.Model.FindEntityType(typeof(Bookmark))!.FindProperty(nameof(Bookmark.DueAt))!.GetTypeMapping().Converter!.ConvertToProvider(moment)!;
}
