using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;

namespace FocWorkflows.Server.Tests.Deliberation.Workflows;

/// <summary>
/// Plays the people of a deliberation through the public API: launches a workflow, reads what it
/// waits on, submits drafts, comments, disposes, responds, and lets time pass on the fake clock.
/// </summary>
public sealed class Deliberator(TestApp app)
{
    public string InstanceId { get; private set; } = "";

    public async Task<JsonObject> LaunchAsync(string definitionId, object input, string by = People.Chair)
    {
        var response = await app.ClientAs(by).PostAsync("/api/instances", JsonBody(new { definitionId, input }));
        var instance = await response.ExpectAsync(HttpStatusCode.Created);
        InstanceId = instance.Str("id");
        return instance;
    }

    public async Task<JsonObject> InstanceAsync() =>
        await (await app.ClientAs(People.Chair).GetAsync($"/api/instances/{InstanceId}")).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The one step the instance waits on, asserting it is the expected one.</summary>
    public async Task<JsonNode> WaitingOnAsync(string activityId)
    {
        var instance = await InstanceAsync();
        var waiting = instance["waitingOn"]!.AsArray();
        Assert.True(waiting.Any(w => w.Str("activityId") == activityId),
            $"Expected to wait on '{activityId}', but waits on [{string.Join(", ", waiting.Select(w => w.Str("activityId")))}] ({instance.Str("status")}).");
        return waiting.Single(w => w.Str("activityId") == activityId)!;
    }

    /// <summary>The id of the resource a waiting step's inbox task points to (a consultation, a round).</summary>
    public async Task<string> ResourceIdAsync(string activityId)
    {
        var step = await WaitingOnAsync(activityId);
        var taskId = step["tasks"]!.AsArray().First()!.Str("id");
        var task = await (await app.ClientAs(People.Secretariat).GetAsync($"/api/tasks/{taskId}")).ExpectAsync(HttpStatusCode.OK);
        return task.Str("resourceHref").Split('/').Last();
    }

    public async Task<int> SubmitDraftAsync(string activityId, string by, string markdown)
    {
        await WaitingOnAsync(activityId);
        var response = await app.ClientAs(by).PostAsync($"/api/instances/{InstanceId}/drafts", JsonBody(new { markdown, note = $"for {activityId}" }));
        return (await response.ExpectAsync(HttpStatusCode.Created))["number"]!.GetValue<int>();
    }

    public async Task CommentAsync(string consultationId, string by, int paragraph, string text) =>
        await (await app.ClientAs(by).PostAsync($"/api/consultations/{consultationId}/comments", JsonBody(new { paragraph, text })))
            .ExpectAsync(HttpStatusCode.Created);

    public async Task DisposeAllAsync(string consultationId, string by)
    {
        var comments = await (await app.ClientAs(by).GetAsync($"/api/consultations/{consultationId}/comments")).ArrayAsync();
        var decisions = new[] { "accepted", "partiallyAccepted", "notAccepted", "noted" };
        for (var i = 0; i < comments.Count; i++)
        {
            var response = await app.ClientAs(by).PutAsync($"/api/consultations/{consultationId}/dispositions/{comments[i].Str("id")}",
                JsonBody(new { decision = decisions[i % 4], reason = $"Reason {i + 1}" }));
            await response.ExpectAsync(HttpStatusCode.OK);
        }
    }

    public async Task<JsonObject> RespondAsync(string roundId, string by, string kind, string? reason = null, string? proposedText = null)
    {
        var response = await app.ClientAs(by).PostAsync($"/api/approvals/{roundId}/responses", JsonBody(new { kind, reason, proposedText }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    /// <summary>Lets time pass and fires whatever fell due, as the timer worker would.</summary>
    public async Task PassAsync(TimeSpan time)
    {
        app.Clock.Advance(time);
        await app.Runtime.FireDueTimersAsync(CancellationToken.None);
    }

    public async Task<JsonArray> JournalAsync() =>
        await (await app.ClientAs(People.Chair).GetAsync($"/api/instances/{InstanceId}/journal?take=5000")).ArrayAsync();
}
