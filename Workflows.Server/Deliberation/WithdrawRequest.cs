using System.Text.Json.Nodes;

namespace FocWorkflows.Server.Deliberation;

/// <summary>
/// A chair's withdrawal of a text from a round or a consultation (action <c>withdraw</c>): the step ends with its own
/// outcome, <see cref="Outcome"/>, always with a reason, which is journaled and sent to everyone involved.
/// </summary>
public static class WithdrawRequest
{
    public const string Action = "withdraw";
    public const string Outcome = "Withdrawn";

    /// <summary>The reason, trimmed; 400 naming <c>reason</c> when it is missing or too long.</summary>
    public static string ReadReason(JsonNode? payload) => RequiredReason.Read(payload, "The withdrawal is not valid",
        "Say why the text is withdrawn; it is journaled and sent to everyone involved.");
}
