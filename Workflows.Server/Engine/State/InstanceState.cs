using System.Text.Json.Nodes;

namespace FocWorkflows.Server.Engine.State;

/// <summary>The interpreter's memory between bursts, stored as one JSON document on the instance.</summary>
public sealed class InstanceState
{
    public JsonObject Variables { get; set; } = [];

    /// <summary>The last output of each completed activity, by node id.</summary>
    public JsonObject Outputs { get; set; } = [];

    /// <summary>Runnable tokens not yet executed; empty at rest unless the instance is faulted.</summary>
    public List<Token> Tokens { get; set; } = [];

    /// <summary>Joins that have seen some of their branches arrive, by node id.</summary>
    public Dictionary<string, JoinArrivals> Joins { get; set; } = [];

    /// <summary>
    /// Calendar entries this instance put in people's calendars and has not cancelled, by key, with
    /// their start: cancelling the workflow cancels them.
    /// </summary>
    public Dictionary<string, DateTimeOffset> CalendarEvents { get; set; } = [];

    /// <summary>The incident that faulted the instance, kept until a retry clears it.</summary>
    public Incident? Incident { get; set; }
}

/// <summary>A node scheduled to run, and the connection that scheduled it (none for a start node).</summary>
public sealed record Token(string Id, string NodeId, string? FromNodeId = null, string? Outcome = null);

/// <summary>The inbound connections ("from|outcome") a join has seen in its current round.</summary>
public sealed class JoinArrivals
{
    public List<string> Arrived { get; set; } = [];
}

/// <summary>
/// Why an instance faulted and what to run again on retry: the token that failed, or the
/// bookmark whose resume failed together with the payload it carried.
/// </summary>
public sealed record Incident(
    string NodeId,
    string Message,
    DateTimeOffset At,
    Token? Token = null,
    string? BookmarkId = null,
    JsonNode? Payload = null,
    string? Actor = null);
