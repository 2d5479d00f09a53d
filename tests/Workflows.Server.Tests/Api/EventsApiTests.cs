using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api;

public sealed class EventsApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Two instances waiting on the steering committee's decision, one per task force.</summary>
    private async Task<(string Ai, string Shutdowns)> StartTwoWaitersAsync()
    {
        await _app.PublishAsync(Define("await").Input("taskForce").Start()
            .Node("decided", ControlActivityTypes.WaitForEvent, new { eventName = "sc-decided", correlationKey = Js("input.taskForce") })
            .End().Chain("start", "decided", "end").Build());
        var ai = await _app.StartAsync("await", new JsonObject { ["taskForce"] = "ai" });
        var shutdowns = await _app.StartAsync("await", new JsonObject { ["taskForce"] = "shutdowns" });
        return (ai.Id, shutdowns.Id);
    }

    [Fact]
    public async Task Publish_WithCorrelationKey_ResumesOnlyMatchingInstances()
    {
        var (ai, shutdowns) = await StartTwoWaitersAsync();

        var response = await _app.ClientAs(People.Secretariat).PostAsync("/api/events/sc-decided",
            JsonBody(new { correlationKey = "ai", payload = new { approved = true } }));

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([ai], body["resumedInstances"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(("sc-decided", "ai"), (body.Str("name"), body.Str("correlationKey")));
        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(ai)).Status);
        Assert.True((await _app.StateAsync(ai)).Outputs["decided"]!["approved"]!.GetValue<bool>());
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(shutdowns)).Status);
        Assert.Equal(People.Secretariat, (await _app.JournalAsync(ai)).Single(j => j.Event == JournalEvents.Resumed).Actor);
    }

    [Fact]
    public async Task Publish_SameEventTwice_ResumesTheInstanceOnce()
    {
        var (ai, _) = await StartTwoWaitersAsync();
        var client = _app.ClientAs(People.Chair);
        await client.PostAsync("/api/events/sc-decided", JsonBody(new { correlationKey = "ai" }));

        var again = await (await client.PostAsync("/api/events/sc-decided", JsonBody(new { correlationKey = "ai" }))).ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(again["resumedInstances"]!.AsArray());
        Assert.Single(await _app.JournalAsync(ai), j => j.Event == JournalEvents.Resumed);
    }

    /// <summary>Two instances that wait on the steering committee's decision twice (it decides, then confirms).</summary>
    private async Task<IReadOnlyList<string>> StartTwoTwiceWaitersAsync()
    {
        await _app.PublishAsync(Define("await-twice").Start()
            .Node("decided", ControlActivityTypes.WaitForEvent, new { eventName = "sc-decided", correlationKey = "ai" })
            .Node("confirmed", ControlActivityTypes.WaitForEvent, new { eventName = "sc-decided", correlationKey = "ai" })
            .End().Chain("start", "decided", "confirmed", "end").Build());
        return [.. new[] { (await _app.StartAsync("await-twice")).Id, (await _app.StartAsync("await-twice")).Id }.Order(StringComparer.Ordinal)];
    }

    private static HttpRequestMessage Decision(string? idempotencyKey, object? payload = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/sc-decided") { Content = JsonBody(new { correlationKey = "ai", payload }) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private async Task<int> ResumesAsync(string instanceId) =>
        (await _app.JournalAsync(instanceId)).Count(j => j.Event == JournalEvents.Resumed);

    [Fact]
    public async Task Publish_RetriedWithTheSameIdempotencyKey_ResumesNoInstanceTwice_AndAnswersTheSameResult()
    {
        var waiters = await StartTwoTwiceWaitersAsync();
        var client = _app.ClientAs(People.Secretariat);
        var first = await (await client.SendAsync(Decision("decision-1"))).ExpectAsync(HttpStatusCode.OK);

        var retry = await client.SendAsync(Decision("decision-1"));

        var body = await retry.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(waiters, first["resumedInstances"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(first.ToJsonString(), body.ToJsonString());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        foreach (var id in waiters)
        {
            Assert.Equal(1, await ResumesAsync(id)); // both still wait on the confirmation the retry would have given
            Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(id)).Status);
        }
    }

    [Fact]
    public async Task Publish_AnotherIdempotencyKey_ResumesAgain()
    {
        var waiters = await StartTwoTwiceWaitersAsync();
        var client = _app.ClientAs(People.Secretariat);
        await (await client.SendAsync(Decision("decision-1"))).ExpectAsync(HttpStatusCode.OK);

        var confirmation = await client.SendAsync(Decision("confirmation-1"));

        var body = await confirmation.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(waiters, body["resumedInstances"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.False(confirmation.Headers.Contains("Idempotent-Replayed"));
        foreach (var id in waiters)
        {
            Assert.Equal(2, await ResumesAsync(id));
            Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(id)).Status);
        }
    }

    [Fact]
    public async Task Publish_SameIdempotencyKeyTwiceAtOnce_ResumesEachInstanceOnce()
    {
        var waiters = await StartTwoTwiceWaitersAsync();
        var client = _app.ClientAs(People.Secretariat);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
            await (await client.SendAsync(Decision("decision-1"))).ExpectAsync(HttpStatusCode.OK)));

        Assert.All(answers, a => Assert.Equal(waiters, a["resumedInstances"]!.AsArray().Select(i => i!.GetValue<string>())));
        foreach (var id in waiters) Assert.Equal(1, await ResumesAsync(id));
    }

    [Fact]
    public async Task Publish_SameIdempotencyKeyAnotherPayload_Returns422AndResumesNothing()
    {
        var waiters = await StartTwoTwiceWaitersAsync();
        var client = _app.ClientAs(People.Secretariat);
        await (await client.SendAsync(Decision("decision-1", new { approved = true }))).ExpectAsync(HttpStatusCode.OK);

        var response = await client.SendAsync(Decision("decision-1", new { approved = false }));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.Equal(["Idempotency-Key"], problem.ErrorKeys());
        foreach (var id in waiters) Assert.Equal(1, await ResumesAsync(id));
    }

    [Fact]
    public async Task Publish_SameIdempotencyKeyByAnotherCaller_IsTheirOwnKey()
    {
        var waiters = await StartTwoTwiceWaitersAsync();
        await (await _app.ClientAs(People.Secretariat).SendAsync(Decision("decision-1"))).ExpectAsync(HttpStatusCode.OK);

        var response = await _app.ClientAs(People.Chair).SendAsync(Decision("decision-1"));

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(waiters, body["resumedInstances"]!.AsArray().Select(i => i!.GetValue<string>()));
        foreach (var id in waiters) Assert.Equal(2, await ResumesAsync(id));
    }

    [Fact]
    public async Task Publish_IdempotencyKeyTooLong_Returns400NamingTheHeader_AndResumesNothing()
    {
        var waiters = await StartTwoTwiceWaitersAsync();

        var response = await _app.ClientAs(People.Secretariat).SendAsync(Decision(new string('k', 201)));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["Idempotency-Key"], problem.ErrorKeys());
        foreach (var id in waiters) Assert.Equal(0, await ResumesAsync(id));
    }

    [Theory]
    [InlineData("/api/events/sc-decided", "{ \"correlationKey\": \"cyber\" }")]
    [InlineData("/api/events/something-else", "{ \"correlationKey\": \"ai\" }")]
    [InlineData("/api/events/sc-decided", "{}")]
    public async Task Publish_NoWaiter_Returns200WithAnEmptyList(string path, string body)
    {
        var (ai, shutdowns) = await StartTwoWaitersAsync();

        var response = await _app.ClientAs(People.Chair).PostAsync(path, JsonBody(body));

        var result = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(result["resumedInstances"]!.AsArray());
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(ai)).Status);
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(shutdowns)).Status);
    }

    [Theory]
    [InlineData(People.MemberCanada)]
    [InlineData(People.Advisor)]
    public async Task Publish_AsMemberOrAdvisor_Returns403AndResumesNothing(string email)
    {
        var (ai, _) = await StartTwoWaitersAsync();

        var response = await _app.ClientAs(email).PostAsync("/api/events/sc-decided", JsonBody(new { correlationKey = "ai" }));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(ai)).Status);
    }

    [Fact]
    public async Task Publish_WithoutSignIn_Returns401()
    {
        var response = await _app.ClientAs(null).PostAsync("/api/events/sc-decided", JsonBody(new { correlationKey = "ai" }));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Publish_NameTooLong_Returns400NamingName()
    {
        var response = await _app.ClientAs(People.Chair).PostAsync($"/api/events/{new string('e', 201)}", JsonBody(new { correlationKey = "ai" }));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["name"], problem.ErrorKeys());
    }

    [Theory]
    [InlineData("{ \"correlationKey\": ")]
    [InlineData("{ \"correlationKey\": 42 }")]
    public async Task Publish_MalformedBody_Returns400AndResumesNothing(string body)
    {
        var (ai, _) = await StartTwoWaitersAsync();

        var response = await _app.ClientAs(People.Chair).PostAsync("/api/events/sc-decided", JsonBody(body));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(ai)).Status);
    }
}
