using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Observability;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>A request to start an instance; the idempotency key is per caller.</summary>
public sealed record StartRequest(string DefinitionId, int? Version, JsonObject? Input, string? Actor, string? IdempotencyKey = null, string? TaskForceId = null);

/// <summary>The started (or, for a repeated idempotency key, the earlier) instance.</summary>
public sealed record StartResult(WorkflowInstance Instance, bool Replayed);

/// <summary>
/// The engine's entry points: start, resume, events, timers, cancel and retry. Each runs one burst
/// under the instance's lock and hands it to the <see cref="CommitPipeline"/>, which commits it with
/// the other bursts waiting at that moment; the lock is held until the commit is durable. A concurrent
/// commit elsewhere makes it reload and run again, so every resume is applied exactly once. Once committed (and only then),
/// the burst is announced to this process's watchers through <see cref="InstanceChangeNotifier"/>.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowStore store,
    CommitPipeline commits,
    IPublishedDefinitions definitions,
    Interpreter interpreter,
    InstanceLocks locks,
    TimeProvider time,
    IdGenerator ids,
    ITaskForceLookup taskForces,
    InstanceChangeNotifier changes,
    IOptions<EngineOptions> options,
    ILogger<WorkflowRuntime> logger)
{
    private const int CommitAttempts = 8;
    public const string SystemActor = "system";

    public async Task<StartResult> StartAsync(StartRequest request, CancellationToken ct)
    {
        // Hashed only to compare a retry with its first request: without a key there is nothing to compare.
        var requestHash = request.IdempotencyKey is null ? "" : Hash(request);
        var scope = $"start-instance:{request.Actor}";
        if (request.IdempotencyKey is { } key && await ReplayAsync(scope, key, requestHash, ct) is { } replay) return replay;

        var definition = await definitions.GetAsync(request.DefinitionId, request.Version, ct)
            ?? throw WorkflowProblem.NotFound("Published definition", request.Version is { } v ? $"{request.DefinitionId} v{v}" : request.DefinitionId);
        var input = InputValidator.Validate(definition, request.Input);
        var now = time.GetUtcNow();
        var state = new InstanceState();
        foreach (var variable in definition.Variables) state.Variables[variable.Name] = variable.Default?.DeepClone();
        foreach (var start in definition.Activities.Where(a => a.Type == ControlActivityTypes.Start))
            state.Tokens.Add(new Token(ids.NewId(), start.Id));

        var instance = new WorkflowInstance
        {
            Id = ids.NewId(), DefinitionId = definition.Id, DefinitionVersion = definition.Version,
            Status = InstanceStatus.Running, TaskForceId = NullIfBlank(request.TaskForceId) ?? NullIfBlank(input[InputValidator.TaskForceIdInput]?.GetValue<string>()),
            StartedBy = request.Actor, CreatedAt = now, UpdatedAt = now,
            InputJson = input.ToJsonString(), StateJson = JsonSerializer.Serialize(state, StateJson.Options),
        };
        var burst = new Burst(instance, definition, [], [], now, request.Actor, null, ids)
        {
            TaskForce = instance.TaskForceId is { } tf ? await taskForces.FindAsync(tf, ct) : null,
        };
        if (request.IdempotencyKey is { } k)
            burst.Idempotency = new IdempotencyRecord { Scope = scope, Key = k, RequestHash = requestHash, ResourceId = instance.Id, CreatedAt = now };
        JournalWriter.Append(burst, JournalEvents.InstanceStarted, details: new JsonObject
        {
            ["definitionId"] = definition.Id, ["version"] = definition.Version, ["input"] = input.DeepClone(),
        });
        var started = Stopwatch.GetTimestamp();
        var span = EngineTelemetry.StartBurst(BurstKinds.Start, instance.Id);
        var outcome = BurstOutcomes.Failed;
        try
        {
            await interpreter.RunAsync(burst, ct);
            burst.SaveState();
            await commits.CommitAsync(burst, null);
            outcome = BurstOutcomes.Committed;
        }
        catch (DuplicateIdempotencyKeyException) when (request.IdempotencyKey is { } key2)
        {
            // A concurrent request with the same key won; answer with its instance.
            outcome = BurstOutcomes.Replayed;
            if (await ReplayAsync(scope, key2, requestHash, ct) is { } winner) return winner;
            throw;
        }
        finally
        {
            EngineTelemetry.EndBurst(span, BurstKinds.Start, outcome, Stopwatch.GetElapsedTime(started), burst.ActivitiesRun);
        }
        changes.Committed(instance.Id, instance.Stamp);
        return new StartResult(instance, false);
    }

    /// <summary>Resumes a bookmark of an instance, e.g. a task completion; 409 when the step already closed.</summary>
    public Task ResumeAsync(string instanceId, string bookmarkId, JsonNode? payload, string? actor, string? onBehalfOf, CancellationToken ct) =>
        RunBurstAsync(BurstKinds.Resume, instanceId, actor, onBehalfOf, async burst =>
        {
            var bookmark = burst.OpenBookmarks.FirstOrDefault(b => b.Id == bookmarkId)
                ?? throw WorkflowProblem.Conflict("Step closed", "This step is no longer waiting: it was completed, closed or cancelled.");
            RequireActive(burst);
            await interpreter.ResumeAsync(burst, bookmark, payload, ct);
        }, ct);

    /// <summary>
    /// Resumes the one open bookmark of this kind and key (e.g. an approval round by its id) with a
    /// person's action; 409 when no such step is open, whether it closed or never was: the engine cannot tell,
    /// so callers look up the record first (the round, the consultation) and answer 404 themselves.
    /// </summary>
    public Task ResumeByKeyAsync(string kind, string key, JsonNode? payload, string? actor, string? onBehalfOf, CancellationToken ct) =>
        ResumeByKeyAsync(kind, key, payload, actor, onBehalfOf, idempotency: null, ct);

    /// <summary>
    /// As above; <paramref name="idempotency"/>, when given, is committed with the burst, so a retry with the same key finds
    /// what the first request made, and two requests with the same key at once commit one burst
    /// (the other gets <see cref="DuplicateIdempotencyKeyException"/>).
    /// </summary>
    public async Task ResumeByKeyAsync(string kind, string key, JsonNode? payload, string? actor, string? onBehalfOf, IdempotencyRecord? idempotency,
        CancellationToken ct)
    {
        var bookmark = await store.FindBookmarksAsync(kind, key, ct) is [var first, ..] ? first
            : throw WorkflowProblem.Conflict("Step closed", "This step is no longer open.");
        await RunBurstAsync(BurstKinds.Resume, bookmark.InstanceId, actor, onBehalfOf, async burst =>
        {
            var open = burst.OpenBookmarks.FirstOrDefault(b => b.Kind == kind && b.Key == key)
                ?? throw WorkflowProblem.Conflict("Step closed", "This step is no longer open.");
            RequireActive(burst);
            burst.Idempotency = idempotency;
            await interpreter.ResumeAsync(burst, open, payload, ct);
        }, ct);
    }

    public Task CancelAsync(string instanceId, string reason, string? actor, CancellationToken ct) =>
        RunBurstAsync(BurstKinds.Cancel, instanceId, actor, null, burst =>
        {
            if (burst.Instance.Status is InstanceStatus.Finished or InstanceStatus.Cancelled)
                throw WorkflowProblem.Conflict("Instance already ended", $"The instance is {burst.Instance.Status.ToString().ToLowerInvariant()}.");
            Interpreter.EndInstance(burst, InstanceStatus.Cancelled, JournalEvents.Cancelled, new JsonObject { ["reason"] = reason });
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Journals a fact about an instance that no step waits for (a comment, an advisor's link withdrawn), with the records
    /// that go with it, in one burst: the journal is only written in bursts, under the instance's lock and stamp, so its
    /// lines take their place in the hash chain. Ended instances take such facts too. A burst <paramref name="record"/>
    /// leaves without journal lines commits nothing; it may run again after a concurrent commit.
    /// </summary>
    public Task RecordAsync(string instanceId, string? actor, string? onBehalfOf, Func<Burst, Task> record, CancellationToken ct) =>
        RunBurstAsync(BurstKinds.Record, instanceId, actor, onBehalfOf, record, ct);

    /// <summary>Runs the failed step of a faulted instance again, after its cause was fixed.</summary>
    public Task RetryAsync(string instanceId, string? actor, CancellationToken ct) =>
        RunBurstAsync(BurstKinds.Retry, instanceId, actor, null, async burst =>
        {
            if (burst.Instance.Status != InstanceStatus.Faulted || burst.State.Incident is not { } incident)
                throw WorkflowProblem.Conflict("Instance not faulted", "Only a faulted instance can be retried.");
            burst.State.Incident = null;
            burst.Instance.Status = InstanceStatus.Running;
            JournalWriter.Append(burst, JournalEvents.Retried, incident.NodeId, details: new JsonObject { ["incident"] = incident.Message });
            if (incident.BookmarkId is { } bookmarkId && burst.OpenBookmarks.FirstOrDefault(b => b.Id == bookmarkId) is { } bookmark)
            {
                await interpreter.ResumeAsync(burst, bookmark, incident.Payload, ct);
                return;
            }
            if (incident.Token is { } token) burst.State.Tokens.Insert(0, token);
            await interpreter.RunAsync(burst, ct);
        }, ct);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string EventKey(string name, string? correlationKey) => $"{name}|{correlationKey}";

    private async Task RunBurstAsync(string kind, string instanceId, string? actor, string? onBehalfOf, Func<Burst, Task> work, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var span = EngineTelemetry.StartBurst(kind, instanceId);
        var outcome = BurstOutcomes.Failed;
        var activities = 0;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var _ = await locks.AcquireAsync(instanceId, ct);
                var snapshot = await store.LoadAsync(instanceId, ct) ?? throw WorkflowProblem.NotFound("Instance", instanceId);
                var definition = await definitions.GetAsync(snapshot.Instance.DefinitionId, snapshot.Instance.DefinitionVersion, ct)
                    ?? throw new InvalidOperationException($"Definition {snapshot.Instance.DefinitionId} v{snapshot.Instance.DefinitionVersion} is missing.");
                var loadedStamp = snapshot.Instance.Stamp;
                var burst = new Burst(snapshot.Instance, definition, snapshot.Bookmarks, snapshot.OpenTasks, time.GetUtcNow(), actor, onBehalfOf, ids)
                {
                    TaskForce = snapshot.Instance.TaskForceId is { } tf ? await taskForces.FindAsync(tf, ct) : null,
                };
                await work(burst);
                activities = burst.ActivitiesRun;
                if (burst.Journal.Count == 0)
                {
                    outcome = BurstOutcomes.Nothing; // nothing happened (e.g. an event that found its bookmark gone)
                    return;
                }
                burst.SaveState();
                try
                {
                    await commits.CommitAsync(burst, loadedStamp);
                    changes.Committed(instanceId, burst.Instance.Stamp);
                    outcome = attempt == 1 ? BurstOutcomes.Committed : BurstOutcomes.CommittedAfterConflict;
                    return;
                }
                catch (ConcurrencyConflictException) when (attempt < CommitAttempts)
                {
                    // Another process committed this instance first: reload and apply on top of it.
                }
            }
        }
        finally
        {
            EngineTelemetry.EndBurst(span, kind, outcome, Stopwatch.GetElapsedTime(started), activities);
        }
    }

    private static bool IsActive(Burst burst) => burst.Instance.Status is InstanceStatus.Waiting or InstanceStatus.Running;

    private static void RequireActive(Burst burst)
    {
        if (!IsActive(burst))
            throw WorkflowProblem.Conflict("Instance not waiting", $"The instance is {burst.Instance.Status.ToString().ToLowerInvariant()}.");
    }

    private async Task<StartResult?> ReplayAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        var record = await store.FindIdempotencyAsync(scope, key, ct);
        if (record is null) return null;
        if (record.RequestHash != requestHash)
            throw new WorkflowProblem(ProblemKind.Unprocessable, "Idempotency key reused",
                "This Idempotency-Key was already used with a different request body.");
        var snapshot = await store.LoadAsync(record.ResourceId, ct) ?? throw WorkflowProblem.NotFound("Instance", record.ResourceId);
        return new StartResult(snapshot.Instance, true);
    }

    private static string Hash(StartRequest request) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new { request.DefinitionId, request.Version, Input = request.Input?.ToJsonString(), request.TaskForceId }))));
}
