using System.Security.Cryptography;
using System.Text;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Observability;
using FocWorkflows.Server.Persistence;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// Delivers the outbox after commit. Each attempt is recorded before the gateway is called; the
/// outcome and the message's new state are recorded together after. Failures wait with capped
/// exponential backoff, a 429 pauses its mailbox (for every process) as long as the server asks, the
/// per-mailbox rate leaves messages queued rather than failing them, and one calendar event's changes
/// go one at a time, in order, moot ones not at all. See README "Mail and calendar delivery".
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore store, OutboxComposer composer, IMailCalendarGateway gateway, TimeProvider time,
    IOptions<GraphOptions> options, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan DefaultThrottle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    private GraphOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.RunDispatcher) return;
        log.LogInformation("Outbox dispatcher started: {Gateway}.", gateway.Delivers ? gateway.GetType().Name : "holding messages (no Graph, no drop folder)");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Dispatching the outbox failed; trying again at the next tick.");
            }
            try
            {
                await Task.Delay(Options.DispatchInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the due messages, oldest first. Returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!gateway.Delivers)
        {
            await store.HoldDueAsync(now, ct);
            return 0;
        }

        var delivered = 0;
        var budget = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        // A 429 is about the mailbox, not the message: its other messages wait too, in every process.
        var pausedUntil = await store.PausesAsync(now, ct);
        foreach (var message in await store.DueAsync(now, BatchSize, ct))
        {
            Delivery? delivery = null;
            DeliveryException? unreadable = null;
            try
            {
                delivery = await composer.ComposeAsync(message, ct);
            }
            catch (DeliveryException e)
            {
                unreadable = e;
            }
            var mailbox = delivery?.Mailbox ?? composer.MailboxFor(message.Kind);
            if (pausedUntil.TryGetValue(mailbox, out var paused) && paused > now) continue;
            if (!budget.TryGetValue(mailbox, out var left))
                left = Options.MessagesPerMinute - await store.AttemptsSinceAsync(mailbox, now - RateWindow, ct);
            // Over the mailbox's rate the message simply stays queued: not an attempt, not a failure.
            if (left <= 0) continue;

            var attempt = await store.ClaimAsync(message, mailbox, now, now + Options.ClaimTimeout, n => RequestId(message.Id, n), ct);
            if (attempt is null) continue;
            budget[mailbox] = left - 1;
            switch (await AttemptAsync(message, attempt, delivery, unreadable, ct))
            {
                case OutboxAttemptOutcome.Sent: delivered++; break;
                case OutboxAttemptOutcome.Throttled: pausedUntil[mailbox] = DateTimeOffset.MaxValue; break;
            }
        }
        return delivered;
    }

    private async Task<OutboxAttemptOutcome> AttemptAsync(OutboxMessage message, OutboxAttempt attempt, Delivery? delivery, DeliveryException? unreadable, CancellationToken ct)
    {
        var context = new DeliveryContext(message.Id, attempt.Number, attempt.RequestId, attempt.Mailbox);
        var delivered = new Delivered();
        var failure = unreadable;
        if (failure is null)
        {
            try
            {
                delivered = await DeliverAsync(delivery!, context, ct);
            }
            catch (DeliveryException e)
            {
                failure = e;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failure = new DeliveryException(DeliveryFailureKind.Transient, e.Message, inner: e);
            }
        }

        // If this process stops before the next line commits, the attempt stays without an outcome
        // and the message is tried again when its claim expires: at least once, never lost.
        var now = time.GetUtcNow();
        if (failure is null && delivered.Moot is { } why)
        {
            log.LogInformation("Outbox message {Id} is superseded: {Why}", message.Id, why);
            await store.FinishAsync(attempt, OutboxAttemptOutcome.Superseded, why, now, OutboxStatus.Superseded, null, false, null, ct);
            Measure(message, "superseded", now);
            return OutboxAttemptOutcome.Superseded;
        }
        if (failure is null)
        {
            await store.FinishAsync(attempt, OutboxAttemptOutcome.Sent, null, now, OutboxStatus.Sent, null, false, delivered.Link, ct);
            Measure(message, EngineTelemetry.SentOutcome, now);
            return OutboxAttemptOutcome.Sent;
        }

        var failures = message.Attempts + 1;
        switch (failure.Kind)
        {
            case DeliveryFailureKind.Throttled:
                var until = now + (failure.RetryAfter ?? DefaultThrottle);
                await store.PauseAsync(attempt.Mailbox, until, ct);
                log.LogInformation("Mailbox {Mailbox} is throttled until {Until}; its messages wait.", attempt.Mailbox, until);
                await store.FinishAsync(attempt, OutboxAttemptOutcome.Throttled, failure.Message, now, OutboxStatus.Pending, until, false, null, ct);
                Measure(message, "throttled", now);
                return OutboxAttemptOutcome.Throttled;
            case DeliveryFailureKind.Transient when failures < Options.MaxAttempts:
                var next = now + RetrySchedule.After(failures, Options, failure.RetryAfter);
                log.LogWarning("Outbox message {Id} attempt {Number} failed: {Error}. Next try at {Next}.", message.Id, attempt.Number, failure.Message, next);
                await store.FinishAsync(attempt, OutboxAttemptOutcome.Failed, failure.Message, now, OutboxStatus.Pending, next, true, null, ct);
                Measure(message, "failed", now);
                break;
            default:
                log.LogError("Outbox message {Id} is dead after attempt {Number}: {Error}", message.Id, attempt.Number, failure.Message);
                await store.FinishAsync(attempt, OutboxAttemptOutcome.Failed, failure.Message, now, OutboxStatus.Dead, null, true, null, ct);
                Measure(message, "dead", now);
                break;
        }
        return OutboxAttemptOutcome.Failed;
    }

    /// <summary>
    /// Counted once the outcome is committed: an attempt whose process stopped before that is not counted, the
    /// message's next attempt is. "failed" is tried again by itself; "dead" only after an operator's retry.
    /// </summary>
    private static void Measure(OutboxMessage message, string outcome, DateTimeOffset now) =>
        EngineTelemetry.OutboxDelivered(message.Kind, outcome, now - message.CreatedAt);

    /// <summary>What a delivery left behind: the event's (new) link to record, or why there was nothing to send.</summary>
    private sealed record Delivered(CalendarEventLink? Link = null, string? Moot = null);

    private async Task<Delivered> DeliverAsync(Delivery delivery, DeliveryContext context, CancellationToken ct)
    {
        if (delivery is MailDelivery mail)
        {
            await gateway.SendMailAsync(mail.Mail, context, ct);
            return new Delivered();
        }
        if (delivery is not EventDelivery e)
            throw new DeliveryException(DeliveryFailureKind.Permanent, $"Nothing delivers a {delivery.GetType().Name}.");

        var link = await store.FindEventAsync(e.Event.Key, ct);
        var found = link is null && e.Action != EventAction.Create ? await FindInCalendarAsync(e, context, ct) : null;
        link ??= found;
        switch (e.Action)
        {
            case EventAction.Cancel when link is null:
                return new Delivered(Moot: "The event never reached a calendar: there is nothing to cancel.");
            case EventAction.Cancel when link.Cancelled:
                return new Delivered(Moot: "The event was already cancelled.");
            case EventAction.Cancel:
                await gateway.CancelEventAsync(link.ExternalId, e.Event, e.Comment, context, ct);
                link.Cancelled = true;
                return new Delivered(link);
            case EventAction.Update when link is { Cancelled: true }:
                return new Delivered(Moot: "The event was cancelled: no change reaches it any more.");
            case EventAction.Update or EventAction.Create when link is { Cancelled: false }:
                // An update, or a second create ("make it look like this"), of an event that is in the calendar.
                await gateway.UpdateEventAsync(link.ExternalId, e.Event, context, ct);
                return new Delivered(found);
            default:
                // A create, or an update whose create was made moot before it reached a calendar: the entry is whole.
                var id = await gateway.CreateEventAsync(e.Event, context, ct);
                return new Delivered(new CalendarEventLink { Key = e.Event.Key, Mailbox = e.Mailbox, ExternalId = id, CreatedByMessageId = context.MessageId });
        }
    }

    /// <summary>
    /// An event the database has no link for (restored from an older backup, say) may still be in the calendar:
    /// Graph finds it by the key it carries.
    /// </summary>
    private async Task<CalendarEventLink?> FindInCalendarAsync(EventDelivery e, DeliveryContext context, CancellationToken ct) =>
        await gateway.FindEventAsync(e.Event.Key, context, ct) is { } id
            ? new CalendarEventLink { Key = e.Event.Key, Mailbox = e.Mailbox, ExternalId = id, CreatedByMessageId = context.MessageId }
            : null;

    /// <summary>A GUID derived from the message and the attempt number (Graph expects a GUID in client-request-id).</summary>
    internal static string RequestId(string messageId, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}:{attempt}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
