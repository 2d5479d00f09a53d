using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>The outbox as the dispatcher and the API see it: claiming, attempts, outcomes, dead letters.</summary>
public sealed class OutboxStore(IDbContextFactory<WorkflowDbContext> contexts)
{
    public async Task<List<OutboxMessage>> DueAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Oldest first; the id (a version 7 GUID) orders messages of the same burst.
        return await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(limit).ToListAsync(ct);
    }

    /// <summary>Attempts a mailbox made since a moment (throttled ones too: they were requests).</summary>
    public async Task<int> AttemptsSinceAsync(string mailbox, DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<OutboxAttempt>().CountAsync(a => a.Mailbox == mailbox && a.StartedAt > since, ct);
    }

    /// <summary>
    /// Reserves a due message until <paramref name="leaseUntil"/> and records the attempt, in one
    /// transaction committed before the gateway is called. Null when another dispatcher took it.
    /// An earlier attempt left without an outcome (a crash) is marked interrupted.
    /// </summary>
    /// <remarks>
    /// A calendar event's messages go one at a time, oldest first (<see cref="CalendarOrder"/>): a message is
    /// claimed only when it is its event's oldest pending one, and the event's moot changes are marked
    /// superseded in the same transaction.
    /// </remarks>
    public async Task<OutboxAttempt?> ClaimAsync(OutboxMessage message, string mailbox, DateTimeOffset now, DateTimeOffset leaseUntil,
        Func<int, string> requestId, CancellationToken ct)
    {
        var messageId = message.Id;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (message.EventKey is { } key)
        {
            if (db.IsPostgres) await PostgresRowClaims.LockEventAsync(db, key, ct);
            if (!await KeepEventOrderAsync(db, key, messageId, now, ct))
            {
                await tx.CommitAsync(ct);
                return null;
            }
        }
        // SQLite is one process, and its write transaction shuts out every other writer: the conditional update
        // alone is the claim. On PostgreSQL several processes may dispatch: the row is locked first, and one
        // another process is claiming (or has claimed) is skipped rather than waited for.
        if (db.IsPostgres && !await PostgresRowClaims.LockDueMessageAsync(db, messageId, now, ct))
        {
            await tx.CommitAsync(ct);
            return null;
        }
        var claimed = await db.Outbox
            .Where(m => m.Id == messageId && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0)
        {
            await tx.CommitAsync(ct);
            return null;
        }
        await db.Set<OutboxAttempt>()
            .Where(a => a.MessageId == messageId && a.Outcome == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Outcome, OutboxAttemptOutcome.Interrupted)
                .SetProperty(a => a.EndedAt, now)
                .SetProperty(a => a.Error, "No outcome was recorded: the process stopped during the attempt; it may have been delivered."), ct);
        var number = (await db.Set<OutboxAttempt>().Where(a => a.MessageId == messageId).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
        var attempt = new OutboxAttempt { MessageId = messageId, Number = number, Mailbox = mailbox, RequestId = requestId(number), StartedAt = now };
        db.Add(attempt);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return attempt;
    }

    /// <summary>Marks the event's moot changes superseded; true when <paramref name="messageId"/> is next in its event's order.</summary>
    private static async Task<bool> KeepEventOrderAsync(WorkflowDbContext db, string key, string messageId, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Outbox.AsNoTracking().Where(m => m.EventKey == key)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.PayloadJson, m.Status, m.NextAttemptAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var attempts = await db.Set<OutboxAttempt>().AsNoTracking().Where(a => ids.Contains(a.MessageId))
            .Select(a => new { a.MessageId, Open = a.Outcome == null }).ToListAsync(ct);
        var attempted = attempts.Select(a => a.MessageId).ToHashSet();
        var open = attempts.Where(a => a.Open).Select(a => a.MessageId).ToHashSet();
        var decision = CalendarOrder.For(messageId, [.. rows.Select(r => new CalendarOrder.Message(
            r.Id, CalendarOrder.ActionOf(r.PayloadJson), r.Status,
            InFlight: r.Status == OutboxStatus.Pending && open.Contains(r.Id) && r.NextAttemptAt > now,
            Attempted: attempted.Contains(r.Id)))]);
        foreach (var (id, by) in decision.Superseded)
            await db.Outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Superseded)
                .SetProperty(m => m.SupersededBy, by)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), ct);
        return decision.MayClaim;
    }

    /// <summary>The mailboxes Graph has asked to wait, and until when (every process sees the same pauses).</summary>
    public async Task<Dictionary<string, DateTimeOffset>> PausesAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pauses = await db.Set<MailboxPause>().AsNoTracking().ToListAsync(ct);
        return pauses.Where(p => p.Until > now).ToDictionary(p => p.Mailbox, p => p.Until, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Pauses a mailbox until a moment (the latest 429 says how long).</summary>
    public async Task PauseAsync(string mailbox, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var updated = await db.Set<MailboxPause>().Where(p => p.Mailbox == mailbox)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Until, until), ct);
        if (updated > 0) return;
        db.Add(new MailboxPause { Mailbox = mailbox, Until = until });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process recorded a pause for this mailbox meanwhile: this one, the later 429, wins.
            db.ChangeTracker.Clear();
            await db.Set<MailboxPause>().Where(p => p.Mailbox == mailbox).ExecuteUpdateAsync(s => s.SetProperty(p => p.Until, until), ct);
        }
    }

    /// <summary>Records the attempt's outcome and the message's new state together (and the event's id when one was created).</summary>
    public async Task FinishAsync(OutboxAttempt attempt, OutboxAttemptOutcome outcome, string? error, DateTimeOffset now,
        OutboxStatus status, DateTimeOffset? nextAttemptAt, bool countsAsFailure, CalendarEventLink? link, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<OutboxAttempt>().Where(a => a.Id == attempt.Id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Outcome, outcome).SetProperty(a => a.EndedAt, now).SetProperty(a => a.Error, error), ct);
        var undo = countsAsFailure || outcome == OutboxAttemptOutcome.Sent ? 0 : 1;
        await db.Outbox.Where(m => m.Id == attempt.MessageId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.Attempts, m => m.Attempts - undo), ct);
        if (link is not null)
        {
            var existing = await db.Set<CalendarEventLink>().FindAsync([link.Key], ct);
            if (existing is null) db.Add(link);
            else { existing.ExternalId = link.ExternalId; existing.Cancelled = link.Cancelled; }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The embedded default without a drop folder: due messages are held, visible, not sent.</summary>
    public async Task<int> HoldDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Held).SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), ct);
    }

    public async Task<CalendarEventLink?> FindEventAsync(string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<CalendarEventLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Key == key, ct);
    }

    public async Task<(List<OutboxMessage> Items, int Total)> ListAsync(OutboxStatus? status, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Outbox.AsNoTracking().Where(m => status == null || m.Status == status);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    public async Task<OutboxMessage?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    public async Task<ILookup<string, OutboxAttempt>> AttemptsAsync(IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var attempts = await db.Set<OutboxAttempt>().AsNoTracking().Where(a => messageIds.Contains(a.MessageId))
            .OrderBy(a => a.Number).ToListAsync(ct);
        return attempts.ToLookup(a => a.MessageId);
    }

    /// <summary>Puts a dead (or held) message back in the queue with a fresh attempt budget; false if it is in another state.</summary>
    public async Task<bool> RequeueAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.Where(m => m.Id == id && (m.Status == OutboxStatus.Dead || m.Status == OutboxStatus.Held))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.Attempts, 0), ct) == 1;
    }
}
