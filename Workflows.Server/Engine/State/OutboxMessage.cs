namespace FocWorkflows.Server.Engine.State;

public enum OutboxStatus { Pending, Sent, Dead }

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
    public required string PayloadJson { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
