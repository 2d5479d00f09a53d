using System.Text.Json.Nodes;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>An early close of a window (action <c>close</c>): always with a reason, which is journaled.</summary>
public static class CloseRequest
{
    /// <summary>The reason, trimmed; 400 naming <c>reason</c> when it is missing or too long.</summary>
    public static string ReadReason(JsonNode? payload) => RequiredReason.Read(payload, "A reason is required", "Say why; it is journaled.");
}
