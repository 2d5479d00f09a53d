using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.Expressions;
using FocWorkflows.Server.Engine.State;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Runs a burst in memory: executes queued tokens until nothing is runnable, following the outcomes
/// each activity reports. It never touches the database; the runtime commits what it did.
/// </summary>
public sealed class Interpreter(
    ActivityRegistry registry,
    SettingsBinder binder,
    ScriptEvaluator scripts,
    TemplateRenderer templates,
    IdGenerator ids,
    IOptions<EngineOptions> options,
    ILogger<Interpreter> logger)
{
    public async Task RunAsync(Burst burst, CancellationToken ct)
    {
        var state = burst.State;
        while (burst.Instance.Status == InstanceStatus.Running)
        {
            if (state.Tokens.Count == 0)
            {
                // Idle: release joins whose missing branches can no longer arrive, else stop.
                var stalled = JoinCoordinator.Stalled(burst);
                if (stalled.Count == 0) break;
                foreach (var joinId in stalled)
                {
                    JoinCoordinator.Release(burst, joinId);
                    Complete(burst, burst.Definition.FindNode(joinId)!, [Outcomes.Done]);
                }
                continue;
            }

            var token = state.Tokens[0];
            state.Tokens.RemoveAt(0);
            if (++burst.ActivitiesRun > options.Value.MaxActivitiesPerBurst)
            {
                Fault(burst, token.NodeId, $"Runaway loop: more than {options.Value.MaxActivitiesPerBurst} activities ran without waiting.", token: token);
                break;
            }
            await ExecuteAsync(burst, token, ct);
        }
        Settle(burst);
    }

    /// <summary>Resumes one bookmark, then runs whatever that made runnable.</summary>
    public async Task ResumeAsync(Burst burst, Bookmark bookmark, JsonNode? payload, CancellationToken ct, bool byTimer = false)
    {
        var node = burst.Definition.FindNode(bookmark.NodeId)!;
        burst.Instance.Status = InstanceStatus.Running;
        var journaled = registry.FindActivity(node.Type) is { } activity ? activity.JournaledPayload(payload) : payload?.DeepClone();
        JournalWriter.Append(burst, JournalEvents.Resumed, node.Id, node.Type, details: new JsonObject { ["bookmark"] = bookmark.Kind, ["payload"] = journaled });
        var signal = new ResumeSignal(bookmark, payload, burst.Actor, burst.OnBehalfOf, byTimer);
        var result = await InvokeAsync(burst, node, null, null, (activity, context, settings) => activity.ResumeAsync(context, settings, signal, ct));
        if (result is ActivityResult.Faulted fault)
        {
            Fault(burst, node.Id, fault.Reason, bookmarkId: bookmark.Id, payload: payload);
            Settle(burst);
            return;
        }
        if (result is not ActivityResult.StillSuspended) burst.RemoveBookmark(bookmark);
        Apply(burst, node, result, new Resumed(bookmark, payload));
        await RunAsync(burst, ct);
    }

    private async Task ExecuteAsync(Burst burst, Token token, CancellationToken ct)
    {
        var node = burst.Definition.FindNode(token.NodeId);
        if (node is null)
        {
            Fault(burst, token.NodeId, $"Node '{token.NodeId}' is not in definition version {burst.Definition.Version}.", token: token);
            return;
        }
        JournalWriter.Append(burst, JournalEvents.Started, node.Id, node.Type);
        var result = await InvokeAsync(burst, node, token.FromNodeId, token.Outcome, (activity, context, settings) => activity.ExecuteAsync(context, settings, ct));
        if (result is ActivityResult.Faulted fault)
            Fault(burst, node.Id, fault.Reason, token: token);
        else
            Apply(burst, node, result, null);
    }

    private async Task<ActivityResult> InvokeAsync(Burst burst, ActivityNode node, string? from, string? outcome,
        Func<IActivity, ActivityContext, object, ValueTask<ActivityResult>> call)
    {
        var activity = registry.FindActivity(node.Type);
        var descriptor = registry.Find(node.Type);
        if (activity is null || descriptor is null) return ActivityResult.Fault($"Activity type '{node.Type}' is not known to this server.");
        var scope = ExpressionScopes.For(burst);
        var context = new ActivityContext(burst, node, from, outcome, ids, scope, scripts, templates);
        try
        {
            var settings = binder.Bind(node, descriptor, activity.SettingsType, scope);
            return await call(activity, context, settings);
        }
        catch (Exception e) when (e is not (WorkflowProblem or OperationCanceledException))
        {
            // A step that throws (bad settings, a script error, a bug) is an incident on this instance,
            // kept in the journal and retriable, never a crash of the request. A WorkflowProblem is a
            // refused request (403, 409...): it abandons the burst and reaches the caller instead.
            if (e is not (SettingsException or ExpressionException))
                logger.LogError(e, "Activity {NodeId} ({Type}) of instance {InstanceId} threw.", node.Id, node.Type, burst.Instance.Id);
            return ActivityResult.Fault(e.Message);
        }
    }

    private void Apply(Burst burst, ActivityNode node, ActivityResult result, Resumed? resumed)
    {
        switch (result)
        {
            case ActivityResult.Completed completed:
                CloseStep(burst, node.Id, resumed);
                Complete(burst, node, completed.Outcomes);
                break;
            case ActivityResult.Ended:
                CloseStep(burst, node.Id, resumed);
                JournalWriter.Append(burst, JournalEvents.Completed, node.Id, node.Type);
                EndInstance(burst, InstanceStatus.Finished, JournalEvents.InstanceFinished, null);
                break;
            case ActivityResult.Suspended suspended:
                foreach (var bookmark in suspended.Bookmarks) burst.AddBookmark(bookmark);
                JournalWriter.Append(burst, JournalEvents.Waiting, node.Id, node.Type, details: new JsonObject
                {
                    ["on"] = new JsonArray([.. suspended.Bookmarks.Select(b => (JsonNode)new JsonObject { ["kind"] = b.Kind, ["key"] = b.Key, ["dueAt"] = b.DueAt })]),
                });
                break;
        }
    }

    private void Complete(Burst burst, ActivityNode node, IReadOnlyList<string> outcomes)
    {
        JournalWriter.Append(burst, JournalEvents.Completed, node.Id, node.Type, outcome: string.Join(",", outcomes));
        foreach (var outcome in outcomes)
            foreach (var connection in burst.Definition.ConnectionsFrom(node.Id).Where(c => c.Outcome == outcome))
                burst.State.Tokens.Add(new Token(ids.NewId(), connection.To, node.Id, outcome));
    }

    /// <summary>A finished step leaves nothing open: its bookmarks go, its tasks close.</summary>
    private static void CloseStep(Burst burst, string nodeId, Resumed? resumed)
    {
        foreach (var bookmark in burst.OpenBookmarks.Where(b => b.NodeId == nodeId).ToList()) burst.RemoveBookmark(bookmark);
        foreach (var task in burst.OpenTasks.Where(t => t.NodeId == nodeId).ToList())
        {
            var completedHere = resumed is not null && task.BookmarkId == resumed.Bookmark.Id;
            task.Status = completedHere ? HumanTaskStatus.Completed : HumanTaskStatus.Cancelled;
            task.ClosedAt = burst.Now;
            if (completedHere)
            {
                task.CompletedBy = burst.Actor;
                task.OnBehalfOf = burst.OnBehalfOf;
                task.Action = resumed!.Payload?["action"]?.GetValue<string>();
                task.DataJson = resumed.Payload?["data"]?.ToJsonString();
            }
            burst.CloseTask(task);
        }
    }

    /// <summary>Ends the instance: nothing stays runnable or open.</summary>
    public static void EndInstance(Burst burst, InstanceStatus status, string @event, JsonObject? details)
    {
        burst.State.Tokens.Clear();
        burst.State.Joins.Clear();
        foreach (var bookmark in burst.OpenBookmarks.ToList()) burst.RemoveBookmark(bookmark);
        foreach (var task in burst.OpenTasks.ToList())
        {
            task.Status = HumanTaskStatus.Cancelled;
            task.ClosedAt = burst.Now;
            burst.CloseTask(task);
        }
        if (status == InstanceStatus.Cancelled)
        {
            // A cancelled process must not leave meetings and deadlines in people's calendars.
            foreach (var key in burst.State.CalendarEvents.Keys.ToList())
                CalendarEntry.Cancel(burst, key, $"The workflow was cancelled: {details?["reason"]}", null);
        }
        burst.Instance.Status = status;
        burst.Instance.EndedAt = burst.Now;
        JournalWriter.Append(burst, @event, details: details);
    }

    private static void Fault(Burst burst, string nodeId, string message, Token? token = null, string? bookmarkId = null, JsonNode? payload = null)
    {
        burst.State.Incident = new Incident(nodeId, message, burst.Now, token, bookmarkId, payload?.DeepClone(), burst.Actor);
        burst.Instance.Status = InstanceStatus.Faulted;
        var node = burst.Definition.FindNode(nodeId);
        JournalWriter.Append(burst, JournalEvents.Faulted, nodeId, node?.Type, details: new JsonObject { ["message"] = message });
    }

    private static void Settle(Burst burst)
    {
        if (burst.Instance.Status != InstanceStatus.Running) return;
        if (burst.OpenBookmarks.Count > 0 || burst.State.Joins.Count > 0)
            burst.Instance.Status = InstanceStatus.Waiting;
        else
            EndInstance(burst, InstanceStatus.Finished, JournalEvents.InstanceFinished, null);
    }
}

/// <summary>The bookmark a resume consumed and what it carried.</summary>
internal sealed record Resumed(Bookmark Bookmark, JsonNode? Payload);
