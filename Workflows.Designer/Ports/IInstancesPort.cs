using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Designer.Ports;

/// <summary>Who is looking: their e-mail, roles and IANA time zone (deadlines are shown in it).</summary>
public sealed record Viewer(string Email, IReadOnlyList<string> Roles, string TimeZone);

public sealed record TaskForceOption(string Id, string Name);

/// <summary>What the launch form is generated from: the published definition's declared inputs.</summary>
public sealed record LaunchForm(string DefinitionId, string Name, int Version, IReadOnlyList<InputDeclaration> Inputs, IReadOnlyList<TaskForceOption> TaskForces);

/// <summary>
/// The answer to a command (launch, cancel, retry, complete): the instance it concerns, or the
/// server's problem with its errors keyed as the API keys them (<c>input.NAME</c>, <c>data.NAME</c>).
/// </summary>
public sealed record CommandResult(string? InstanceId, string? Problem, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Problem is null;

    public static CommandResult Done(string instanceId) => new(instanceId, null, new Dictionary<string, string[]>());
}

public sealed record InstanceFilterQuery(string? DefinitionId, string? Status, string? TaskForceId, int Page = 1, int PageSize = 100);

public sealed record InstanceListItem(string Id, string DefinitionId, int Version, string Status, string? TaskForceId,
    string? StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt);

/// <summary>A task of an open step: whom it waits on and where to act on it.</summary>
public sealed record StepTask(string Id, string Title, IReadOnlyList<string> Assignees, DateTimeOffset? DueAt, string Href);

/// <summary>One open step of an instance.</summary>
public sealed record OpenStep(string ActivityId, string Name, string Kind, DateTimeOffset Since, DateTimeOffset? DueAt, IReadOnlyList<StepTask> Tasks);

public sealed record JournalLine(long Sequence, DateTimeOffset At, string Event, string? ActivityId, string? ActivityType,
    string? Actor, string? OnBehalfOf, string? Outcome);

public sealed record IncidentView(string ActivityId, string Message, DateTimeOffset At);

/// <summary>One instance as its page shows it; <see cref="Stamp"/> grows with every committed change.</summary>
public sealed record InstanceView(string Id, string DefinitionId, string DefinitionName, int Version, string Status, string? TaskForceId,
    string? StartedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, JsonObject Input,
    IReadOnlyList<OpenStep> WaitingOn, IReadOnlyList<JournalLine> Journal, IncidentView? Incident, InstanceGraph? Graph = null, long Stamp = 0);

/// <summary>States a step of an instance is shown in.</summary>
public static class StepStates
{
    public const string Done = "done";
    public const string Waiting = "waiting";
    public const string Faulted = "faulted";
    public const string NotReached = "not-reached";
}

/// <summary>A step of the instance's flowchart, where the designer put it, and how far it got.</summary>
public sealed record GraphNode(string Id, string Name, string Type, double X, double Y, string State);

/// <summary>A connection; <see cref="Taken"/> when the instance went along it.</summary>
public sealed record GraphEdge(string From, string To, string Outcome, bool Taken);

/// <summary>The flowchart of an instance's definition version, coloured by where the instance stands.</summary>
public sealed record InstanceGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>A field a person fills in to complete a human task (types as the human-task activity names them).</summary>
public sealed record TaskFieldView(string Name, string Label, string Type, bool Required, IReadOnlyList<string> Options);

/// <summary>
/// An open task in someone's inbox. Tasks with a resource are acted on there; the others by an action.
/// <paramref name="DoneByViewer"/>: a task the viewer shares with others and has done their part of (commented);
/// it stays open for more comments until the window closes.
/// </summary>
public sealed record InboxTask(string Id, string InstanceId, string Title, DateTimeOffset CreatedAt, DateTimeOffset? DueAt,
    string? ResourceHref, IReadOnlyList<string> Actions, IReadOnlyList<TaskFieldView> Fields, bool DoneByViewer = false)
{
    public bool CompletableHere => ResourceHref is null && Actions.Count > 0;
}

/// <summary>Launching and following instances, and the inbox.</summary>
public interface IInstancesPort
{
    Task<Viewer> ViewerAsync(string email, IReadOnlyList<string> roles, CancellationToken ct);

    Task<LaunchForm?> LaunchFormAsync(string definitionId, CancellationToken ct);

    Task<CommandResult> LaunchAsync(string definitionId, JsonObject input, string actor, CancellationToken ct);

    Task<IReadOnlyList<TaskForceOption>> TaskForcesAsync(CancellationToken ct);

    /// <summary>The instances whose internals the viewer may see.</summary>
    Task<(IReadOnlyList<InstanceListItem> Items, int Total)> ListAsync(InstanceFilterQuery filter, string viewerEmail, CancellationToken ct);

    /// <summary>The instance, for its task force, chairs and the secretariat.</summary>
    Task<Seen<InstanceView>> GetAsync(string id, string viewerEmail, CancellationToken ct);

    Task<CommandResult> CancelAsync(string id, string reason, string actor, CancellationToken ct);

    Task<CommandResult> RetryAsync(string id, string actor, CancellationToken ct);

    Task<IReadOnlyList<InboxTask>> InboxAsync(Viewer viewer, CancellationToken ct);

    Task<CommandResult> CompleteTaskAsync(string taskId, string? action, JsonObject data, string actor, CancellationToken ct);
}
