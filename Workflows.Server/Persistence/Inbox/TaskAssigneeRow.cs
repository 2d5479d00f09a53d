namespace FocWorkflows.Server.Persistence.Inbox;

/// <summary>
/// One assignee of a task (an e-mail or <c>role:NAME</c>, in lower case), so an inbox is found by index instead
/// of by reading every open task's assignee list. Written with the task, in its burst.
/// </summary>
public sealed class TaskAssigneeRow
{
    public required string Assignee { get; init; }
    public required string TaskId { get; init; }

    /// <summary>The form an assignee is stored and looked up in: e-mails and role names compare without case.</summary>
    public static string Key(string assignee) => assignee.ToLowerInvariant();
}
