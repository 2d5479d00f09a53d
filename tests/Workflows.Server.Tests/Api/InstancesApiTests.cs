using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api;

public sealed class InstancesApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Waits on one human task (a member and the secretariat), due in three days.</summary>
    private Task PublishReviewAsync() => _app.PublishAsync(Define("review").Input("title", required: true).Start()
        .Node("review", ControlActivityTypes.HumanTask, new
        {
            title = "Review the charter", assignees = new[] { People.MemberCanada, "role:secretariat" }, dueIn = "P3D",
            actions = new[] { "Approve", "Reject" },
        })
        .End().Chain("start", "review").Connect("review", "end", "Approve").Connect("review", "end", "Reject").Build());

    private static object ReviewRequest(string title = "Charter") => new { definitionId = "review", input = new { title } };

    private Task<int> InstanceCountAsync() => _app.QueryAsync(db => db.Instances.CountAsync());

    private async Task<JsonObject> StartReviewAsync(string title = "Charter") =>
        await (await _app.ClientAs(People.Chair).PostAsync("/api/instances", JsonBody(ReviewRequest(title)))).ExpectAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Start_ValidRequest_Returns201WithLocationAndWhatItWaitsOn()
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);

        var response = await client.PostAsync("/api/instances", JsonBody(ReviewRequest()));

        var body = await response.ExpectAsync(HttpStatusCode.Created);
        var id = body.Str("id");
        Assert.Equal($"/api/instances/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("waiting", "review", 1, People.Chair), (body.Str("status"), body.Str("definitionId"), body["version"]!.GetValue<int>(), body.Str("startedBy")));
        Assert.Equal("Charter", body["input"].Str("title"));
        var waiting = Assert.Single(body["waitingOn"]!.AsArray());
        Assert.Equal(("review", ControlActivityTypes.HumanTask, "review"), (waiting.Str("activityId"), waiting.Str("type"), waiting.Str("name")));
        Assert.Equal(TestApp.Epoch, waiting.Time("since"));
        Assert.Equal(TestApp.Epoch.AddDays(3), waiting.Time("dueAt"));
        var task = Assert.Single(waiting!["tasks"]!.AsArray());
        var taskId = Assert.Single(await _app.TasksAsync(id)).Id;
        Assert.Equal($"/api/tasks/{taskId}", task.Str("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(task.Str("href"))).StatusCode);
    }

    [Fact]
    public async Task Get_ConsultationWithAReminder_IsDueWhenItCloses_NotWhenItReminds()
    {
        await _app.PublishAsync(Define("reminded").Input("taskForceId").Start()
            .Node("consult", "deliberation.consultation", new { title = "Task-force review", audience = "taskForceMembers", window = "P7D", reminderBefore = "P2D" })
            .End().Chain("start", "consult", "end").Build());
        var started = await _app.StartAsync("reminded", new JsonObject { ["taskForceId"] = "ai-and-human-rights" });

        var instance = await (await _app.ClientAs(People.Chair).GetAsync($"/api/instances/{started.Id}")).ExpectAsync(HttpStatusCode.OK);

        var step = instance["waitingOn"]!.AsArray().Single()!;
        var consultationId = step["tasks"]![0]!["href"]!.GetValue<string>();
        var task = await (await _app.ClientAs(People.Chair).GetAsync(consultationId)).ExpectAsync(HttpStatusCode.OK);
        var consultation = await (await _app.ClientAs(People.Chair).GetAsync(task["resourceHref"]!.GetValue<string>())).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(consultation["closesAt"]!.GetValue<DateTimeOffset>(), step["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Start_MissingRequiredInput_Returns400NamingTheInput_AndCreatesNothing()
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);

        var response = await client.PostAsync("/api/instances", JsonBody(new { definitionId = "review", input = new { } }));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["input.title"], problem.ErrorKeys());
        Assert.Equal(0, await InstanceCountAsync());
        Assert.Equal(0, await _app.QueryAsync(db => db.JournalBursts.CountAsync()));
    }

    [Theory]
    [InlineData("{ \"definitionId\": ")]
    [InlineData("[]")]
    [InlineData("{ \"definitionId\": \"review\", \"input\": 42 }")]
    [InlineData("{ \"definitionId\": \"review\", \"version\": \"one\" }")]
    [InlineData("null")]
    public async Task Start_MalformedBody_Returns400AndCreatesNothing(string body)
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);

        var response = await client.PostAsync("/api/instances", JsonBody(body));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        Assert.Equal(0, await InstanceCountAsync());
    }

    [Fact]
    public async Task Start_TaskForceIdInputNotText_Returns400NamingIt_AndCreatesNothing()
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);

        var response = await client.PostAsync("/api/instances", JsonBody(new { definitionId = "review", input = new { title = "Charter", taskForceId = 5 } }));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["input.taskForceId"], problem.ErrorKeys());
        Assert.Equal(0, await InstanceCountAsync());
    }

    [Fact]
    public async Task Start_IdempotencyKeyOver200Characters_Returns400NamingIt()
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);
        client.DefaultRequestHeaders.Add("Idempotency-Key", new string('k', 201));

        var response = await client.PostAsync("/api/instances", JsonBody(ReviewRequest()));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["Idempotency-Key"], problem.ErrorKeys());
        Assert.Equal(0, await InstanceCountAsync());
    }

    [Fact]
    public async Task Start_NoDefinitionId_Returns400NamingIt()
    {
        var client = _app.ClientAs(People.Chair);

        var response = await client.PostAsync("/api/instances", JsonBody(new { input = new { } }));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["definitionId"], problem.ErrorKeys());
    }

    [Fact]
    public async Task Start_UnknownDefinition_Returns404AndCreatesNothing()
    {
        var client = _app.ClientAs(People.Chair);

        var response = await client.PostAsync("/api/instances", JsonBody(new { definitionId = "nope" }));

        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, await InstanceCountAsync());
    }

    [Theory]
    [InlineData(People.MemberCanada, HttpStatusCode.Forbidden)]
    [InlineData(People.Advisor, HttpStatusCode.Forbidden)]
    [InlineData(People.CoChair, HttpStatusCode.Created)]
    [InlineData(People.Secretariat, HttpStatusCode.Created)]
    public async Task Start_ByRole_OnlyChairsAndSecretariatLaunch(string email, HttpStatusCode expected)
    {
        await PublishReviewAsync();

        var response = await _app.ClientAs(email).PostAsync("/api/instances", JsonBody(ReviewRequest()));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, await InstanceCountAsync());
    }

    [Fact]
    public async Task Start_SameIdempotencyKeyTwice_ReturnsTheSameInstanceAndCreatesOne()
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "launch-charter-1");

        var first = await client.PostAsync("/api/instances", JsonBody(ReviewRequest()));
        var second = await client.PostAsync("/api/instances", JsonBody(ReviewRequest()));

        var a = await first.ExpectAsync(HttpStatusCode.Created);
        var b = await second.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(a.Str("id"), b.Str("id"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await InstanceCountAsync());
        Assert.Single(await _app.TasksAsync(a.Str("id")));
    }

    [Fact]
    public async Task Start_SameIdempotencyKeyWithAnotherBody_Returns422AndCreatesNothingMore()
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "launch-charter-1");
        await client.PostAsync("/api/instances", JsonBody(ReviewRequest("Charter")));

        var response = await client.PostAsync("/api/instances", JsonBody(ReviewRequest("Another charter")));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.Equal(1, await InstanceCountAsync());
    }

    [Fact]
    public async Task Start_TenConcurrentRequestsWithOneKey_CreateExactlyOneInstance()
    {
        await PublishReviewAsync();
        var client = _app.ClientAs(People.Chair);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "double-click");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.PostAsync("/api/instances", JsonBody(ReviewRequest()))));

        var ids = new List<string>();
        foreach (var response in responses) ids.Add((await response.ExpectAsync(HttpStatusCode.Created)).Str("id"));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await InstanceCountAsync());
        Assert.Equal(1, await _app.QueryAsync(db => db.Tasks.CountAsync()));
        Assert.Equal(1, await _app.QueryAsync(db => db.IdempotencyKeys.CountAsync()));
    }

    [Fact]
    public async Task List_FilteredByDefinitionAndStatus_ReturnsOnlyMatchingInstances()
    {
        await PublishReviewAsync();
        await _app.PublishAsync(Define("hello").Start().End().Chain("start", "end").Build());
        var review = await StartReviewAsync();
        var client = _app.ClientAs(People.Chair);
        await client.PostAsync("/api/instances", JsonBody(new { definitionId = "hello", input = new { taskForceId = "ai" } }));

        var byDefinition = await (await client.GetAsync("/api/instances?definitionId=review")).ExpectAsync(HttpStatusCode.OK);
        var finished = await (await client.GetAsync("/api/instances?status=finished")).ExpectAsync(HttpStatusCode.OK);
        var none = await (await client.GetAsync("/api/instances?definitionId=review&status=finished")).ExpectAsync(HttpStatusCode.OK);
        var byTaskForce = await (await client.GetAsync("/api/instances?taskForce=ai")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([review.Str("id")], byDefinition["items"]!.AsArray().Select(i => i.Str("id")));
        Assert.Equal(1, byDefinition["total"]!.GetValue<int>());
        Assert.Equal(["hello"], finished["items"]!.AsArray().Select(i => i.Str("definitionId")));
        Assert.Empty(none["items"]!.AsArray());
        Assert.Equal(["hello"], byTaskForce["items"]!.AsArray().Select(i => i.Str("definitionId")));
    }

    [Theory]
    [InlineData("status=sleeping", "status")]
    [InlineData("status=1", "status")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task List_BadQuery_Returns400NamingTheParameter(string query, string key)
    {
        var client = _app.ClientAs(People.Chair);

        var response = await client.GetAsync($"/api/instances?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal([key], problem.ErrorKeys());
    }

    [Fact]
    public async Task List_NonNumericPageSize_Returns400()
    {
        var client = _app.ClientAs(People.Chair);

        var response = await client.GetAsync("/api/instances?pageSize=lots");

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Theory]
    [InlineData("GET", "/api/instances/nope")]
    [InlineData("GET", "/api/instances/nope/journal")]
    [InlineData("GET", "/api/instances/nope/journal/verify")]
    [InlineData("POST", "/api/instances/nope/retry")]
    public async Task AnyRoute_UnknownInstance_Returns404(string method, string path)
    {
        var client = _app.ClientAs(People.Chair);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Journal_AfterStart_ListsEventsInSequenceWithTheirActor()
    {
        await PublishReviewAsync();
        var id = (await StartReviewAsync()).Str("id");
        var client = _app.ClientAs(People.Secretariat);

        var journal = await (await client.GetAsync($"/api/instances/{id}/journal")).ArrayAsync();

        Assert.Equal(Enumerable.Range(1, journal.Count).Select(n => (long)n), journal.Select(e => e!["sequence"]!.GetValue<long>()));
        Assert.Equal(JournalEvents.InstanceStarted, journal[0].Str("event"));
        Assert.Contains(journal, e => e.Str("event") == JournalEvents.TaskCreated && e.Str("activityId") == "review");
        Assert.Equal(JournalEvents.Waiting, journal[^1].Str("event"));
        Assert.All(journal, e => Assert.Equal(People.Chair, e.Str("actor")));
    }

    [Fact]
    public async Task VerifyJournal_IntactThenTampered_NamesTheFirstBrokenEntry()
    {
        await PublishReviewAsync();
        var id = (await StartReviewAsync()).Str("id");
        var client = _app.ClientAs(People.Chair);
        var intact = await (await client.GetAsync($"/api/instances/{id}/journal/verify")).ExpectAsync(HttpStatusCode.OK);

        await _app.EditLineAsync(id, 2, line => line["actor"] = "mallory@foc.example");
        var tampered = await (await client.GetAsync($"/api/instances/{id}/journal/verify")).ExpectAsync(HttpStatusCode.OK);

        Assert.True(intact["intact"]!.GetValue<bool>());
        Assert.Null(intact["firstBrokenSequence"]);
        Assert.True(intact["entries"]!.GetValue<long>() >= 3);
        Assert.False(tampered["intact"]!.GetValue<bool>());
        Assert.Equal(2, tampered["firstBrokenSequence"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"reason\": \"   \" }")]
    public async Task Cancel_WithoutReason_Returns400NamingReason_AndChangesNothing(string body)
    {
        await PublishReviewAsync();
        var id = (await StartReviewAsync()).Str("id");

        var response = await _app.ClientAs(People.Chair).PostAsync($"/api/instances/{id}/cancel", JsonBody(body));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["reason"], problem.ErrorKeys());
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(id)).Status);
        Assert.Equal(HumanTaskStatus.Open, Assert.Single(await _app.TasksAsync(id)).Status);
    }

    [Fact]
    public async Task Cancel_WithReason_CancelsTheInstanceAndItsOpenTask_ThenConflicts()
    {
        await PublishReviewAsync();
        var id = (await StartReviewAsync()).Str("id");
        var client = _app.ClientAs(People.Secretariat);

        var first = await client.PostAsync($"/api/instances/{id}/cancel", JsonBody(new { reason = "Withdrawn by the chair" }));
        var again = await client.PostAsync($"/api/instances/{id}/cancel", JsonBody(new { reason = "Twice" }));

        var body = await first.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", body.Str("status"));
        Assert.Empty(body["waitingOn"]!.AsArray());
        Assert.Equal(HumanTaskStatus.Cancelled, Assert.Single(await _app.TasksAsync(id)).Status);
        var cancelled = Assert.Single(await _app.JournalAsync(id), j => j.Event == JournalEvents.Cancelled);
        Assert.Equal(People.Secretariat, cancelled.Actor);
        Assert.Contains("Withdrawn by the chair", cancelled.DetailsJson);
        await again.ProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Single(await _app.JournalAsync(id), j => j.Event == JournalEvents.Cancelled);
    }

    [Fact]
    public async Task Cancel_AsMember_Returns403AndChangesNothing()
    {
        await PublishReviewAsync();
        var id = (await StartReviewAsync()).Str("id");

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/instances/{id}/cancel", JsonBody(new { reason = "mine" }));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task Retry_InstanceNotFaulted_Returns409()
    {
        await PublishReviewAsync();
        var id = (await StartReviewAsync()).Str("id");
        var journalBefore = (await _app.JournalAsync(id)).Count;

        var response = await _app.ClientAs(People.Chair).PostAsync($"/api/instances/{id}/retry", null);

        await response.ProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(journalBefore, (await _app.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task Retry_FaultedInstance_RunsTheFailedStepAgain_UntilItsCauseIsGone()
    {
        // The step fails until 28 November; the fake clock decides when its cause is gone.
        await _app.PublishAsync(Define("embargo").Variable("released").Start()
            .Node("release", ControlActivityTypes.SetVariable, new
            {
                variable = "released",
                value = Js("if (Date.now() < Date.parse('2026-11-28T00:00:00Z')) { throw new Error('embargoed'); } true"),
            })
            .End().Chain("start", "release", "end").Build());
        var client = _app.ClientAs(People.Chair);
        var started = await (await client.PostAsync("/api/instances", JsonBody(new { definitionId = "embargo" }))).ExpectAsync(HttpStatusCode.Created);
        var id = started.Str("id");

        var tooSoon = await (await client.PostAsync($"/api/instances/{id}/retry", null)).ExpectAsync(HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromDays(1));
        var retried = await (await client.PostAsync($"/api/instances/{id}/retry", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("faulted", started.Str("status"));
        Assert.Equal("release", started["incident"].Str("activityId"));
        Assert.Contains("embargoed", started["incident"].Str("message"));
        Assert.Equal("faulted", tooSoon.Str("status"));
        Assert.Equal("finished", retried.Str("status"));
        Assert.True(retried["variables"]!["released"]!.GetValue<bool>());
        Assert.Null(retried["incident"]);
        Assert.Equal(2, (await _app.JournalAsync(id)).Count(j => j.Event == JournalEvents.Retried));
    }
}
