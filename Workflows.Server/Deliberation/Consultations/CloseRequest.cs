using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>An early close of a window (action <c>close</c>): always with a reason, which is journaled.</summary>
public static class CloseRequest
{
    /// <summary>The reason, trimmed; 400 naming <c>reason</c> when it is missing or too long.</summary>
    public static string ReadReason(JsonNode? payload)
    {
        var reason = payload?["reason"] is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        var errors = new Dictionary<string, string[]>();
        if (reason is null) errors["reason"] = ["Say why; it is journaled."];
        Limits.Check(errors, "reason", reason, Limits.Reason);
        return errors.Count == 0 ? reason! : throw WorkflowProblem.Invalid("A reason is required", errors);
    }
}
