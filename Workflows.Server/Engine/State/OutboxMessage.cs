namespace FocWorkflows.Server.Engine.State;

/// <summary>
/// Pending: waiting for (another) attempt. Sent: the gateway accepted it. Dead: it kept failing (or
/// failed for good) and waits for an operator's retry. Held: no gateway delivers it (the embedded
/// default without a drop folder); it stays readable through the API. Superseded: a later change of
/// the same calendar event made it moot (or the event was cancelled), so it was never sent.
/// </summary>
public enum OutboxStatus { Pending, Sent, Dead, Held, Superseded }

/// <summary>
/// A side effect (mail, calendar) recorded in the same transaction as the burst that caused it,
/// and delivered after commit, so a burst never calls the network.
/// </summary>
public sealed class OutboxMessage
{
    public required string Id { get; init; }
    public string? InstanceId { get; init; }
    public string? NodeId { get; init; }

    /// <summary>e.g. <c>mail</c>, <c>calendar-event</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The calendar event a <c>calendar-event</c> message changes: its messages are delivered one at a time, in order.</summary>
    public string? EventKey { get; init; }

    /// <summary>For a superseded message, the later message of the same event that made it moot.</summary>
    public string? SupersededBy { get; set; }
    public required string PayloadJson { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; set; }
    /// <summary>Attempts that count toward the dead-letter limit since the last operator retry (throttling does not count).</summary>
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
