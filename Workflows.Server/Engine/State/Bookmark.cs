namespace FocWorkflows.Server.Engine.State;

/// <summary>Well-known bookmark kinds; deliberation activities add their own.</summary>
public static class BookmarkKinds
{
    public const string Task = "task";
    public const string Timer = "timer";
    public const string Event = "event";
}

/// <summary>
/// A place where an instance waits: a human task, a timer or an external event. Indexed by
/// (kind, key) and by due time, so a resume finds its instance without scanning instances.
/// </summary>
public sealed class Bookmark
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string NodeId { get; init; }
    public required string Kind { get; init; }
    public string? Key { get; init; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Activity-specific data as JSON text (e.g. the task id).</summary>
    public string? DataJson { get; init; }
}
