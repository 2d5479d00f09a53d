using FocWorkflows.Designer.Ports;

namespace FocWorkflows.Designer.Viewing;

/// <summary>How a person's tasks are listed, on the inbox and on the home page.</summary>
public static class TaskOrder
{
    /// <summary>Soonest due first, tasks without a deadline last, then oldest first.</summary>
    public static IReadOnlyList<InboxTask> SoonestDueFirst(IEnumerable<InboxTask> tasks) =>
        [.. tasks.OrderBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)];
}
