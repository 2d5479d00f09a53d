namespace FocWorkflows.Server.Engine.State;

/// <summary>Journal event names; the journal is the political record, so they never change.</summary>
public static class JournalEvents
{
    public const string InstanceStarted = "instance-started";
    public const string Started = "started";
    public const string Completed = "completed";
    public const string Waiting = "waiting";
    public const string Resumed = "resumed";
    public const string Faulted = "faulted";
    public const string Retried = "retried";
    public const string Cancelled = "cancelled";
    public const string InstanceFinished = "instance-finished";
    public const string Log = "log";
    public const string VariableSet = "variable-set";
    public const string TaskCreated = "task-created";
    public const string TaskCompleted = "task-completed";
}

/// <summary>
/// One append-only line of an instance's journal. Each entry hashes its content with the previous
/// entry's hash, so an edited or deleted line is detectable.
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; init; }
    public required string InstanceId { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? NodeId { get; init; }
    public string? ActivityType { get; init; }
    public required string Event { get; init; }
    public string? Actor { get; init; }
    public string? OnBehalfOf { get; init; }
    public string? Outcome { get; init; }
    public string? DetailsJson { get; init; }
    public string? PreviousHash { get; init; }
    public required string Hash { get; init; }
}
