using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Deliberation.Approvals;

/// <summary>A one-step approval workflow and shortcuts to drive it through the API.</summary>
internal static class ApprovalTestKit
{
    public const string Canada = "diplomat.ca@foc.example";
    public const string Canada2 = "diplomat2.ca@foc.example";
    public const string Ghana = "diplomat.gh@foc.example";
    public const string Japan = "diplomat.jp@foc.example";
    public const string Kenya = "diplomat.ke@foc.example";
    public const string Germany = "diplomat.de@foc.example";
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);
    public static DateTimeOffset Deadline => TestApp.Epoch + Window;

    /// <summary>start → approve → adopted | not-adopted (two ends, so the journal shows which way it went).</summary>
    public static async Task<(string InstanceId, string RoundId)> OpenRoundAsync(this TestApp app, object settings, string? taskForceId = null)
    {
        var id = "approval-" + Guid.NewGuid().ToString("N")[..8];
        await app.PublishAsync(Define(id).Start()
            .Node("approve", ApprovalRoundActivity.Type, settings)
            .End("adopted").End("not-adopted")
            .Connect("start", "approve")
            .Connect("approve", "adopted", nameof(ApprovalResult.Adopted))
            .Connect("approve", "not-adopted", nameof(ApprovalResult.NotAdopted)).Build());
        var instance = (await app.Runtime.StartAsync(new StartRequest(id, null, null, People.Chair, TaskForceId: taskForceId), CancellationToken.None)).Instance;
        var round = await app.QueryAsync(db => db.Set<ApprovalRound>().AsNoTracking().SingleAsync(r => r.InstanceId == instance.Id));
        return (instance.Id, round.Id);
    }

    public static Task<HttpResponseMessage> RespondAsync(this TestApp app, string email, string roundId, string kind,
        string? reason = null, string? proposedText = null, string? onBehalfOf = null) =>
        app.ClientAs(email).PostAsJsonAsync($"/api/approvals/{roundId}/responses", new { kind, reason, proposedText, onBehalfOf });

    public static Task<ApprovalRound> RoundAsync(this TestApp app, string roundId) =>
        app.QueryAsync(db => db.Set<ApprovalRound>().AsNoTracking().SingleAsync(r => r.Id == roundId));

    public static Task<List<ApprovalResponse>> ResponsesAsync(this TestApp app, string roundId) =>
        app.QueryAsync(db => db.Set<ApprovalResponse>().AsNoTracking().Where(r => r.RoundId == roundId).OrderBy(r => r.Government).ToListAsync());

    public static async Task<JsonObject> GetRoundAsync(this TestApp app, string roundId, string email = People.Chair)
    {
        var response = await app.ClientAs(email).GetAsync($"/api/approvals/{roundId}");
        response.EnsureSuccessStatusCode();
        return (await response.ReadAsync<JsonObject>());
    }

    /// <summary>Moves the fake clock to a moment and fires whatever timers fall due.</summary>
    public static async Task AdvanceToAsync(this TestApp app, DateTimeOffset moment)
    {
        app.Clock.SetUtcNow(moment);
        await app.Runtime.FireDueTimersAsync(CancellationToken.None);
    }

    /// <summary>The step's output (result, reason, tally, signatories, objections) once it closed.</summary>
    public static async Task<JsonObject> OutputAsync(this TestApp app, string instanceId) =>
        (await app.StateAsync(instanceId)).Outputs["approve"]!.AsObject();

    public static async Task<List<JournalEntry>> EventsAsync(this TestApp app, string instanceId, string @event) =>
        [.. (await app.JournalAsync(instanceId)).Where(j => j.Event == @event)];

    public static async Task<string?> EndedAtAsync(this TestApp app, string instanceId)
    {
        var completed = await app.CompletedNodesAsync(instanceId);
        return completed.FirstOrDefault(n => n is "adopted" or "not-adopted");
    }
}
