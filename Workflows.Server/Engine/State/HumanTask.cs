namespace FocWorkflows.Server.Engine.State;

public enum HumanTaskStatus { Open, Completed, Cancelled }

/// <summary>An inbox item: someone must act before the workflow can go on.</summary>
public sealed class HumanTask
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string NodeId { get; init; }
    public required string BookmarkId { get; init; }
    public required string Title { get; init; }

    /// <summary>E-mail addresses and <c>role:NAME</c> entries, as a JSON array.</summary>
    public required string AssigneesJson { get; init; }
    public required string ActionsJson { get; init; }
    public string FieldsJson { get; init; } = "[]";
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Where a deliberation task is acted on (e.g. <c>/api/consultations/ID</c>); such tasks have no
    /// actions of their own and close when their step closes.
    /// </summary>
    public string? ResourceHref { get; init; }

    public HumanTaskStatus Status { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? OnBehalfOf { get; set; }
    public string? Action { get; set; }
    public string? DataJson { get; set; }
}
