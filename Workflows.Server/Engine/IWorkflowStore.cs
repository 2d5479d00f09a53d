using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine;

/// <summary>An instance as loaded for a burst: its row and what is open on it.</summary>
public sealed record InstanceSnapshot(WorkflowInstance Instance, IReadOnlyList<Bookmark> Bookmarks, IReadOnlyList<HumanTask> OpenTasks);

/// <summary>
/// What the engine needs from storage. The implementation commits a burst in one transaction and
/// refuses it (<see cref="ConcurrencyConflictException"/>) when the instance changed since it was read.
/// </summary>
public interface IWorkflowStore
{
    Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken ct);

    /// <summary>
    /// Commits the bursts in ONE transaction, each all or nothing on its own: returns, in order, null for a burst
    /// that is in the transaction, or why one was left out (<see cref="ConcurrencyConflictException"/> when its
    /// instance changed since it was loaded, <see cref="DuplicateIdempotencyKeyException"/>, a constraint). Throws,
    /// and none of them happened, when the transaction fails. Called by <see cref="CommitPipeline"/> only.
    /// </summary>
    Task<IReadOnlyList<Exception?>> CommitBatchAsync(IReadOnlyList<PendingCommit> commits, CancellationToken ct);

    Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string key, CancellationToken ct);

    /// <summary>
    /// Takes up to <paramref name="max"/> timers due by <paramref name="now"/>, oldest first, of running or
    /// waiting instances (a faulted instance's timers wait for its retry), until <paramref name="claimUntil"/>:
    /// no claim before then gets them, in this process or another (so a crashed claimer's timers, and a timer
    /// whose fire failed, are taken again after it).
    /// </summary>
    Task<IReadOnlyList<Bookmark>> ClaimDueTimersAsync(DateTimeOffset now, DateTimeOffset claimUntil, int max, CancellationToken ct);

    /// <summary>Gives back claimed timers that were not fired, so the next claim may take them.</summary>
    Task ReleaseTimerClaimsAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken ct);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken ct);

    /// <summary>Every record under one scope (e.g. each instance one event request resumed).</summary>
    Task<IReadOnlyList<IdempotencyRecord>> FindIdempotencyScopeAsync(string scope, CancellationToken ct);
}

/// <summary>Published definitions by id and version; a version never changes once published.</summary>
public interface IPublishedDefinitions
{
    Task<WorkflowDefinition?> GetAsync(string definitionId, int? version, CancellationToken ct);
}

/// <summary>Another burst committed first; the caller reloads and tries again.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The same idempotency key was committed by a concurrent request.</summary>
public sealed class DuplicateIdempotencyKeyException(Exception inner) : Exception("Idempotency key already used.", inner);

/// <summary>The task force an instance works for, as scripts and templates see it (<c>taskForce</c>).</summary>
public interface ITaskForceLookup
{
    Task<System.Text.Json.Nodes.JsonNode?> FindAsync(string taskForceId, CancellationToken ct);
}
