using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Deliberation;

/// <summary>
/// The reason an action must give (an early close, a withdrawal): read from a payload's <c>reason</c>, trimmed,
/// at most <see cref="Limits.Reason"/> characters. Missing or too long is a 400 naming <c>reason</c>.
/// </summary>
public static class RequiredReason
{
    /// <param name="title">The problem's title: what is not valid.</param>
    /// <param name="whenMissing">Why one is needed, as the person acting reads it.</param>
    public static string Read(JsonNode? payload, string title, string whenMissing)
    {
        var reason = payload?["reason"] is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        var errors = new Dictionary<string, string[]>();
        if (reason is null) errors["reason"] = [whenMissing];
        Limits.Check(errors, "reason", reason, Limits.Reason);
        return errors.Count == 0 ? reason! : throw WorkflowProblem.Invalid(title, errors);
    }
}
