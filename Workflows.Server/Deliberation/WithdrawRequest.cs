using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Deliberation;

/// <summary>
/// A chair's withdrawal of a text from a round or a consultation (action <c>withdraw</c>): the step ends with its own
/// outcome, <see cref="Outcome"/>, always with a reason, which is journaled and sent to everyone involved.
/// </summary>
public static class WithdrawRequest
{
    public const string Action = "withdraw";
    public const string Outcome = "Withdrawn";

    /// <summary>The longest reason kept: a paragraph or two, as for other reasons.</summary>
    public const int MaxReasonLength = 4_000;

    /// <summary>The reason, trimmed; 400 naming <c>reason</c> when it is missing or too long.</summary>
    public static string ReadReason(JsonNode? payload)
    {
        var reason = payload?["reason"] is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
        if (reason is null) throw Invalid("Say why the text is withdrawn; it is journaled and sent to everyone involved.");
        if (reason.Length > MaxReasonLength) throw Invalid($"At most {MaxReasonLength:N0} characters.");
        return reason;
    }

    private static WorkflowProblem Invalid(string message) =>
        WorkflowProblem.Invalid("The withdrawal is not valid", new Dictionary<string, string[]> { ["reason"] = [message] });
}
