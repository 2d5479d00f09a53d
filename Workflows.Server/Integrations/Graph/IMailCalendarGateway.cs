namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// Delivers mail and calendar changes to the outside world. Called only by the outbox dispatcher,
/// after the burst that asked for it committed. An implementation throws <see cref="DeliveryException"/>
/// to say whether trying again can help.
/// </summary>
public interface IMailCalendarGateway
{
    /// <summary>False for the embedded default without a drop folder: messages are then held, not sent.</summary>
    bool Delivers { get; }

    Task SendMailAsync(OutgoingMail mail, DeliveryContext delivery, CancellationToken ct);

    /// <summary>Creates the event and returns the gateway's id for it; a repeat with the same transaction id must not create a second.</summary>
    Task<string> CreateEventAsync(CalendarEvent calendarEvent, DeliveryContext delivery, CancellationToken ct);

    /// <summary>The id of the event carrying this workflow key in the calendar mailbox, or null when there is none.</summary>
    Task<string?> FindEventAsync(string key, DeliveryContext delivery, CancellationToken ct);

    Task UpdateEventAsync(string externalId, CalendarEvent calendarEvent, DeliveryContext delivery, CancellationToken ct);

    Task CancelEventAsync(string externalId, CalendarEvent calendarEvent, string? comment, DeliveryContext delivery, CancellationToken ct);
}

/// <summary>Which outbox message and attempt a call is for: the idempotency and tracing keys.</summary>
/// <param name="MessageId">The outbox message id: an event's <c>transactionId</c>, a mail's <c>X-FocWorkflows-Outbox-Id</c> header.</param>
/// <param name="RequestId">A GUID per attempt, sent as <c>client-request-id</c>.</param>
public sealed record DeliveryContext(string MessageId, int Attempt, string RequestId, string Mailbox);

public sealed record Recipient(string Email, string? Name = null);

public sealed record OutgoingMail(Recipient To, string Subject, string HtmlBody);

/// <summary>An event in the calendar mailbox. Times are absolute; the time zone is how Outlook shows them.</summary>
/// <param name="IsDeadline">
/// A deadline, not a meeting: it must not make anyone look busy, ask for a response or invite new-time
/// proposals, and it reminds its attendees the day before.
/// </param>
public sealed record CalendarEvent(
    string Key,
    string Subject,
    string HtmlBody,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    IReadOnlyList<Recipient> Attendees,
    bool IsOnlineMeeting = false,
    string? Location = null,
    bool IsAllDay = false,
    bool IsDeadline = false)
{
    /// <summary>How long before its start a deadline entry reminds: a day before the deadline (its end). Null for a meeting (the attendee's default).</summary>
    public TimeSpan? ReminderBeforeStart => IsDeadline ? TimeSpan.FromDays(1) - (End - Start) : null;
}

public enum DeliveryFailureKind
{
    /// <summary>Try again later with backoff (5xx, timeouts, network errors).</summary>
    Transient,

    /// <summary>The mailbox is throttled (429): wait as long as the server says, without counting a failure.</summary>
    Throttled,

    /// <summary>Trying again cannot help (400, 403, 404...): dead at once.</summary>
    Permanent,
}

public sealed class DeliveryException(DeliveryFailureKind kind, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DeliveryFailureKind Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
