using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// Delivers the outbox after commit. Each attempt is recorded before the gateway is called; the
/// outcome and the message's new state are recorded together after. Failures wait with capped
/// exponential backoff, a 429 pauses its mailbox for as long as the server asks, and the per-mailbox
/// rate leaves messages queued rather than failing them. See README "Mail and calendar delivery".
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore store, OutboxComposer composer, IMailCalendarGateway gateway, TimeProvider time,
    IOptions<GraphOptions> options, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan DefaultThrottle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    // A 429 is about the mailbox, not the message: its other messages wait too. In memory, since a
    // restart's first request simply learns it again.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.OrdinalIgnoreCase);

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
            if (_pausedUntil.TryGetValue(mailbox, out var paused) && paused > now) continue;
            if (!budget.TryGetValue(mailbox, out var left))
                left = Options.MessagesPerMinute - await store.AttemptsSinceAsync(mailbox, now - RateWindow, ct);
            // Over the mailbox's rate the message simply stays queued: not an attempt, not a failure.
            if (left <= 0) continue;
            budget[mailbox] = left - 1;

            var attempt = await store.ClaimAsync(message.Id, mailbox, now, now + Options.ClaimTimeout, n => RequestId(message.Id, n), ct);
            if (attempt is null) continue;
            if (await AttemptAsync(message, attempt, delivery, unreadable, ct)) delivered++;
        }
        return delivered;
    }

    private async Task<bool> AttemptAsync(OutboxMessage message, OutboxAttempt attempt, Delivery? delivery, DeliveryException? unreadable, CancellationToken ct)
    {
        var context = new DeliveryContext(message.Id, attempt.Number, attempt.RequestId, attempt.Mailbox);
        CalendarEventLink? link = null;
        DeliveryException? failure = unreadable;
        if (failure is null)
        {
            try
            {
                link = await DeliverAsync(delivery!, context, ct);
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
        if (failure is null)
        {
            await store.FinishAsync(attempt, OutboxAttemptOutcome.Sent, null, now, OutboxStatus.Sent, null, false, link, ct);
            return true;
        }

        var failures = message.Attempts + 1;
        switch (failure.Kind)
        {
            case DeliveryFailureKind.Throttled:
                var until = now + (failure.RetryAfter ?? DefaultThrottle);
                _pausedUntil[attempt.Mailbox] = until;
                log.LogInformation("Mailbox {Mailbox} is throttled until {Until}; its messages wait.", attempt.Mailbox, until);
                await store.FinishAsync(attempt, OutboxAttemptOutcome.Throttled, failure.Message, now, OutboxStatus.Pending, until, false, null, ct);
                break;
            case DeliveryFailureKind.Transient when failures < Options.MaxAttempts:
                var next = now + RetrySchedule.After(failures, Options, failure.RetryAfter);
                log.LogWarning("Outbox message {Id} attempt {Number} failed: {Error}. Next try at {Next}.", message.Id, attempt.Number, failure.Message, next);
                await store.FinishAsync(attempt, OutboxAttemptOutcome.Failed, failure.Message, now, OutboxStatus.Pending, next, true, null, ct);
                break;
            default:
                log.LogError("Outbox message {Id} is dead after attempt {Number}: {Error}", message.Id, attempt.Number, failure.Message);
                await store.FinishAsync(attempt, OutboxAttemptOutcome.Failed, failure.Message, now, OutboxStatus.Dead, null, true, null, ct);
                break;
        }
        return false;
    }

    private async Task<CalendarEventLink?> DeliverAsync(Delivery delivery, DeliveryContext context, CancellationToken ct)
    {
        switch (delivery)
        {
            case MailDelivery mail:
                await gateway.SendMailAsync(mail.Mail, context, ct);
                return null;
            case EventDelivery { Action: EventAction.Create } e:
                var existing = await store.FindEventAsync(e.Event.Key, ct);
                if (existing is { Cancelled: false })
                {
                    // Created before by another message: a second create means "make it look like this".
                    await gateway.UpdateEventAsync(existing.ExternalId, e.Event, context, ct);
                    return null;
                }
                var id = await gateway.CreateEventAsync(e.Event, context, ct);
                return new CalendarEventLink { Key = e.Event.Key, Mailbox = e.Mailbox, ExternalId = id, CreatedByMessageId = context.MessageId };
            case EventDelivery e:
                var link = await store.FindEventAsync(e.Event.Key, ct)
                    ?? throw new DeliveryException(DeliveryFailureKind.Transient, $"The event '{e.Event.Key}' has not been created yet.");
                if (e.Action == EventAction.Update)
                {
                    await gateway.UpdateEventAsync(link.ExternalId, e.Event, context, ct);
                    return null;
                }
                if (!link.Cancelled) await gateway.CancelEventAsync(link.ExternalId, e.Event, e.Comment, context, ct);
                link.Cancelled = true;
                return link;
            default:
                throw new DeliveryException(DeliveryFailureKind.Permanent, $"Nothing delivers a {delivery.GetType().Name}.");
        }
    }

    /// <summary>A GUID derived from the message and the attempt number (Graph expects a GUID in client-request-id).</summary>
    internal static string RequestId(string messageId, int attempt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}:{attempt}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
