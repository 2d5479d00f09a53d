namespace FocWorkflows.Server.Engine.State;

/// <summary>Superseded: at delivery there was nothing left to change (the event was cancelled, or never created).</summary>
public enum OutboxAttemptOutcome { Sent, Failed, Throttled, Interrupted, Superseded }

/// <summary>
/// One try to deliver an outbox message, written (and committed) before the gateway is called, so
/// an attempt whose result was never recorded (a crash between sending and acknowledging) stays
/// visible with no outcome, and the next attempt knows it may be repeating a delivery.
/// </summary>
public sealed class OutboxAttempt
{
    public long Id { get; init; }
    public required string MessageId { get; init; }

    /// <summary>1, 2, ... across the message's whole life (operator retries continue the count).</summary>
    public int Number { get; init; }

    /// <summary>The mailbox the attempt spoke for; the per-mailbox rate counts these rows.</summary>
    public required string Mailbox { get; init; }

    /// <summary>Sent to Graph as <c>client-request-id</c>, to find the attempt in Graph's logs.</summary>
    public required string RequestId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public OutboxAttemptOutcome? Outcome { get; set; }
    public string? Error { get; set; }
}
