using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public class ControlActivitiesTests : IDisposable
{
    private readonly TestApp _app;

    public ControlActivitiesTests() => _app = CreateApp();

    /// <summary>The SQLite file by default; the PostgreSQL suite overrides it.</summary>
    protected virtual TestApp CreateApp() => new();

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task StartAndEnd_RunsToFinished()
    {
        await _app.PublishAsync(Define("hello").Start().End().Chain("start", "end").Build());

        var instance = await _app.StartAsync("hello");

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(["start", "end"], await _app.CompletedNodesAsync(instance.Id));
        Assert.Equal(TestApp.Epoch, instance.EndedAt);
    }

    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public async Task Decision_TakesThePathOfItsCondition(int size, string expected)
    {
        await _app.PublishAsync(Define("decide").Input("size", Definitions.Model.ValueType.Integer)
            .Start()
            .Node("check", ControlActivityTypes.Decision, new { condition = Js("input.size > 3") })
            .Node("big", ControlActivityTypes.Log, new { message = "big" })
            .Node("small", ControlActivityTypes.Log, new { message = "small" })
            .Chain("start", "check").Connect("check", "big", Outcomes.True).Connect("check", "small", Outcomes.False).Build());

        var instance = await _app.StartAsync("decide", new JsonObject { ["size"] = size });

        var completed = await _app.CompletedNodesAsync(instance.Id);
        Assert.Contains(expected, completed);
        Assert.DoesNotContain(expected == "big" ? "small" : "big", completed);
    }

    [Theory]
    [InlineData("fr", "french")]
    [InlineData("xx", "Default")]
    public async Task Switch_TakesTheMatchingCaseOrDefault(string language, string expectedNode)
    {
        await _app.PublishAsync(Define("switch").Input("language")
            .Start()
            .Node("route", ControlActivityTypes.Switch, new
            {
                cases = new object[]
                {
                    new { name = "english", condition = Js("input.language === 'en'") },
                    new { name = "french", condition = Js("input.language === 'fr'") },
                },
            })
            .Node("english", ControlActivityTypes.Log, new { message = "en" })
            .Node("french", ControlActivityTypes.Log, new { message = "fr" })
            .Node("Default", ControlActivityTypes.Log, new { message = "other" })
            .Chain("start", "route")
            .Connect("route", "english", "english").Connect("route", "french", "french").Connect("route", "Default", Outcomes.Default)
            .Build());

        var instance = await _app.StartAsync("switch", new JsonObject { ["language"] = language });

        var completed = await _app.CompletedNodesAsync(instance.Id);
        Assert.Equal(["start", "route", expectedNode], completed);
    }

    [Fact]
    public async Task SetVariableAndLog_StoreTheValueAndJournalTheRenderedLine()
    {
        await _app.PublishAsync(Define("vars").Variable("round", 1)
            .Start()
            .Node("next", ControlActivityTypes.SetVariable, new { variable = "round", value = Js("vars.round + 1") })
            .Node("say", ControlActivityTypes.Log, new { message = Liquid("Round {{ vars.round }} of {{ 3 | quantity: 'round' }}") })
            .Chain("start", "next", "say").Build());

        var instance = await _app.StartAsync("vars");

        var state = await _app.StateAsync(instance.Id);
        Assert.Equal(2, state.Variables["round"]!.GetValue<int>());
        var log = (await _app.JournalAsync(instance.Id)).Single(j => j.Event == JournalEvents.Log);
        Assert.Equal("Round 2 of 3 rounds", JsonNode.Parse(log.DetailsJson!)!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delay_WaitsUntilTheClockReachesItsDueTime()
    {
        await _app.PublishAsync(Define("pause").Start()
            .Node("wait", ControlActivityTypes.Delay, new { duration = "PT72H" })
            .End().Chain("start", "wait", "end").Build());
        var instance = await _app.StartAsync("pause");
        var timer = Assert.Single(await _app.BookmarksAsync(instance.Id));
        Assert.Equal(TestApp.Epoch.AddHours(72), timer.DueAt);

        _app.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _app.Runtime.FireDueTimersAsync(CancellationToken.None));
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(instance.Id)).Status);

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _app.Runtime.FireDueTimersAsync(CancellationToken.None));
        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Delay_UntilAMoment_IsDueThen()
    {
        await _app.PublishAsync(Define("until").Start()
            .Node("wait", ControlActivityTypes.Delay, new { until = "2026-12-01T17:00:00+01:00" })
            .Chain("start", "wait").Build());

        var instance = await _app.StartAsync("until");

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), Assert.Single(await _app.BookmarksAsync(instance.Id)).DueAt);
    }

    [Fact]
    public async Task WaitForEvent_ResumesOnlyOnItsNameAndKey_AndOutputsThePayload()
    {
        await _app.PublishAsync(Define("await").Input("taskForce").Start()
            .Node("decided", ControlActivityTypes.WaitForEvent, new { eventName = "sc-decided", correlationKey = Js("input.taskForce") })
            .End().Chain("start", "decided", "end").Build());
        var ai = await _app.StartAsync("await", new JsonObject { ["taskForce"] = "ai" });
        var shutdowns = await _app.StartAsync("await", new JsonObject { ["taskForce"] = "shutdowns" });

        var resumed = await _app.Runtime.PublishEventAsync("sc-decided", "ai", new JsonObject { ["approved"] = true }, People.Secretariat, CancellationToken.None);

        Assert.Equal([ai.Id], resumed);
        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(ai.Id)).Status);
        Assert.True((await _app.StateAsync(ai.Id)).Outputs["decided"]!["approved"]!.GetValue<bool>());
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(shutdowns.Id)).Status);
    }

    [Fact]
    public async Task HumanTask_CreatesAnInboxTask_AndTheChosenActionIsTheOutcome()
    {
        await _app.PublishAsync(Define("approve").Start()
            .Node("review", ControlActivityTypes.HumanTask, new
            {
                title = "Review the charter", assignees = new[] { People.MemberCanada, "role:secretariat" }, dueIn = "P3D",
                actions = new[] { "Approve", "Reject" }, fields = new object[] { new { name = "note", required = true } },
            })
            .Node("approved", ControlActivityTypes.Log, new { message = "approved" })
            .Node("rejected", ControlActivityTypes.Log, new { message = "rejected" })
            .Chain("start", "review").Connect("review", "approved", "Approve").Connect("review", "rejected", "Reject").Build());
        var instance = await _app.StartAsync("approve");
        var task = Assert.Single(await _app.TasksAsync(instance.Id));
        Assert.Equal(TestApp.Epoch.AddDays(3), task.DueAt);

        await _app.Runtime.ResumeAsync(instance.Id, task.BookmarkId, new JsonObject { ["action"] = "Reject", ["data"] = new JsonObject { ["note"] = "too vague" } },
            People.MemberCanada, null, CancellationToken.None);

        Assert.Equal(["start", "review", "rejected"], await _app.CompletedNodesAsync(instance.Id));
        var closed = Assert.Single(await _app.TasksAsync(instance.Id));
        Assert.Equal((HumanTaskStatus.Completed, People.MemberCanada, "Reject"), (closed.Status, closed.CompletedBy, closed.Action));
    }
}
