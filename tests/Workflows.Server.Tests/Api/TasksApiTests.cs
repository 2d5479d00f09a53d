using System.Net;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api;

public sealed class TasksApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Starts an instance waiting on one task for Canada and the secretariat; returns (instance id, task id).</summary>
    private async Task<(string InstanceId, string TaskId)> StartReviewAsync()
    {
        await _app.PublishAsync(Define("review").Start()
            .Node("review", ControlActivityTypes.HumanTask, new
            {
                title = "Review the charter", assignees = new[] { People.MemberCanada, "role:secretariat" }, dueIn = "P3D",
                actions = new[] { "Approve", "Reject" }, fields = new object[] { new { name = "note", label = "Note", required = true } },
            })
            .Node("approved", ControlActivityTypes.Log, new { message = "approved" })
            .Node("rejected", ControlActivityTypes.Log, new { message = "rejected" })
            .Chain("start", "review").Connect("review", "approved", "Approve").Connect("review", "rejected", "Reject").Build());
        var instance = await _app.StartAsync("review");
        return (instance.Id, Assert.Single(await _app.TasksAsync(instance.Id)).Id);
    }

    private static StringContent Approve(string note = "Fine by Canada", string? onBehalfOf = null) =>
        JsonBody(new { action = "Approve", data = new { note }, onBehalfOf });

    private async Task AssertStillOpenAsync(string instanceId)
    {
        Assert.Equal(HumanTaskStatus.Open, Assert.Single(await _app.TasksAsync(instanceId)).Status);
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(instanceId)).Status);
        Assert.DoesNotContain(await _app.JournalAsync(instanceId), j => j.Event == JournalEvents.Resumed);
    }

    [Theory]
    [InlineData(People.MemberCanada)]
    [InlineData(People.Secretariat)]
    public async Task Inbox_AssigneeByEmailOrRole_ListsTheOpenTask(string email)
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var inbox = await (await _app.ClientAs(email).GetAsync("/api/tasks")).ArrayAsync();

        var task = Assert.Single(inbox);
        Assert.Equal((taskId, instanceId, "review", "open"), (task.Str("id"), task.Str("instanceId"), task.Str("activityId"), task.Str("status")));
        Assert.Equal(TestApp.Epoch.AddDays(3), task.Time("dueAt"));
        Assert.Equal(["Approve", "Reject"], task!["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Theory]
    [InlineData(People.MemberGhana)]
    [InlineData(People.Chair)]
    [InlineData(People.Advisor)]
    public async Task Inbox_NotAnAssignee_IsEmpty(string email)
    {
        await StartReviewAsync();

        var inbox = await (await _app.ClientAs(email).GetAsync("/api/tasks?mine=true&status=open")).ArrayAsync();

        Assert.Empty(inbox);
    }

    [Fact]
    public async Task Inbox_StatusCompleted_ListsOnlyClosedTasks()
    {
        var (_, taskId) = await StartReviewAsync();
        var client = _app.ClientAs(People.MemberCanada);
        await client.PostAsync($"/api/tasks/{taskId}/complete", Approve());

        var open = await (await client.GetAsync("/api/tasks?status=open")).ArrayAsync();
        var completed = await (await client.GetAsync("/api/tasks?status=completed")).ArrayAsync();

        Assert.Empty(open);
        Assert.Equal(taskId, Assert.Single(completed).Str("id"));
    }

    [Fact]
    public async Task Inbox_MineFalseAsMember_Returns403()
    {
        await StartReviewAsync();

        var response = await _app.ClientAs(People.MemberGhana).GetAsync("/api/tasks?mine=false");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Inbox_MineFalseAsSecretariat_ListsEveryonesTasks()
    {
        var (_, taskId) = await StartReviewAsync();

        var all = await (await _app.ClientAs(People.Secretariat).GetAsync("/api/tasks?mine=false")).ArrayAsync();

        Assert.Equal(taskId, Assert.Single(all).Str("id"));
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("status=0", "status")]
    public async Task Inbox_BadStatus_Returns400NamingStatus(string query, string key)
    {
        var response = await _app.ClientAs(People.MemberCanada).GetAsync($"/api/tasks?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal([key], problem.ErrorKeys());
    }

    [Fact]
    public async Task Complete_ByAssignee_Returns200AndTheInstanceMovesOn()
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/tasks/{taskId}/complete", Approve());

        var task = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("completed", "Approve", People.MemberCanada), (task.Str("status"), task.Str("action"), task.Str("completedBy")));
        Assert.Equal("Fine by Canada", task["data"].Str("note"));
        Assert.Equal(["start", "review", "approved"], await _app.CompletedNodesAsync(instanceId));
    }

    [Fact]
    public async Task Complete_ByNonAssignee_Returns403AndLeavesTheTaskOpen()
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.MemberGhana).PostAsync($"/api/tasks/{taskId}/complete", Approve());

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await AssertStillOpenAsync(instanceId);
    }

    [Fact]
    public async Task Complete_Twice_Returns409AndKeepsTheFirstAnswer()
    {
        var (instanceId, taskId) = await StartReviewAsync();
        var client = _app.ClientAs(People.MemberCanada);
        await (await client.PostAsync($"/api/tasks/{taskId}/complete", Approve())).ExpectAsync(HttpStatusCode.OK);

        var again = await client.PostAsync($"/api/tasks/{taskId}/complete", JsonBody(new { action = "Reject", data = new { note = "changed my mind" } }));

        await again.ProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("Approve", Assert.Single(await _app.TasksAsync(instanceId)).Action);
        Assert.DoesNotContain("rejected", await _app.CompletedNodesAsync(instanceId));
    }

    [Fact]
    public async Task Complete_ActionNotAllowed_Returns400NamingAction_AndLeavesTheTaskOpen()
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/tasks/{taskId}/complete",
            JsonBody(new { action = "Abstain", data = new { note = "hmm" } }));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["action"], problem.ErrorKeys());
        await AssertStillOpenAsync(instanceId);
    }

    [Theory]
    [InlineData("{ \"action\": \"Approve\" }")]
    [InlineData("{ \"action\": \"Approve\", \"data\": { \"note\": \"  \" } }")]
    [InlineData("{ \"action\": \"Approve\", \"data\": { \"note\": 42 } }")]
    public async Task Complete_RequiredFieldMissingOrMistyped_Returns400NamingTheField_AndLeavesTheTaskOpen(string body)
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/tasks/{taskId}/complete", JsonBody(body));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["data.note"], problem.ErrorKeys());
        await AssertStillOpenAsync(instanceId);
    }

    [Theory]
    [InlineData("{ \"action\": ")]
    [InlineData("{ \"action\": \"Approve\", \"data\": \"note\" }")]
    [InlineData("null")]
    public async Task Complete_MalformedBody_Returns400AndLeavesTheTaskOpen(string body)
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/tasks/{taskId}/complete", JsonBody(body));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await AssertStillOpenAsync(instanceId);
    }

    [Fact]
    public async Task Complete_UnknownTask_Returns404()
    {
        var response = await _app.ClientAs(People.MemberCanada).PostAsync("/api/tasks/nope/complete", Approve());

        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Complete_BySecretariatOnBehalfOfMember_JournalsBothPeople()
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.Secretariat).PostAsync($"/api/tasks/{taskId}/complete",
            Approve("Canada agreed by phone", onBehalfOf: People.MemberCanada));

        var task = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((People.Secretariat, People.MemberCanada), (task.Str("completedBy"), task.Str("onBehalfOf")));
        var journal = await (await _app.ClientAs(People.Chair).GetAsync($"/api/instances/{instanceId}/journal")).ArrayAsync();
        var resumed = Assert.Single(journal, e => e.Str("event") == JournalEvents.Resumed);
        Assert.Equal((People.Secretariat, People.MemberCanada), (resumed.Str("actor"), resumed.Str("onBehalfOf")));
    }

    [Fact]
    public async Task Complete_BySecretariatOnBehalfOfANonAssignee_Returns403AndLeavesTheTaskOpen()
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.Secretariat).PostAsync($"/api/tasks/{taskId}/complete",
            Approve(onBehalfOf: People.Advisor));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await AssertStillOpenAsync(instanceId);
    }

    [Fact]
    public async Task Complete_BySecretariatOnBehalfOfSomeoneNotInTheDirectory_Returns400NamingOnBehalfOf()
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.Secretariat).PostAsync($"/api/tasks/{taskId}/complete",
            Approve(onBehalfOf: "stranger@example.org"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["onBehalfOf"], problem.ErrorKeys());
        await AssertStillOpenAsync(instanceId);
    }

    [Fact]
    public async Task Complete_MemberActingOnBehalfOfSomeone_Returns403AndLeavesTheTaskOpen()
    {
        var (instanceId, taskId) = await StartReviewAsync();

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/tasks/{taskId}/complete",
            Approve(onBehalfOf: People.MemberGhana));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await AssertStillOpenAsync(instanceId);
    }

    [Fact]
    public async Task Complete_AfterTheInstanceWasCancelled_Returns409()
    {
        var (instanceId, taskId) = await StartReviewAsync();
        await _app.ClientAs(People.Chair).PostAsync($"/api/instances/{instanceId}/cancel", JsonBody(new { reason = "Withdrawn" }));

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/tasks/{taskId}/complete", Approve());

        await response.ProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(HumanTaskStatus.Cancelled, Assert.Single(await _app.TasksAsync(instanceId)).Status);
    }
}
