using System.Text.Json;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine;

/// <summary>Whether a person is among a task's assignees, by e-mail or by <c>role:NAME</c>.</summary>
public static class TaskAssignment
{
    public static IReadOnlyList<string> Assignees(HumanTask task) => JsonSerializer.Deserialize<string[]>(task.AssigneesJson) ?? [];

    public static bool IsAssignee(HumanTask task, string email, IReadOnlyCollection<string> roles) =>
        Assignees(task).Any(a => string.Equals(a, email, StringComparison.OrdinalIgnoreCase)
            || (a.StartsWith("role:", StringComparison.OrdinalIgnoreCase) && roles.Contains(a[5..], StringComparer.OrdinalIgnoreCase)));
}
