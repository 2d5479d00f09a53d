using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public class ControlActivitiesTests : DatabaseSuite
{
    [Fact]
    public async Task StartAndEnd_RunsToFinished()
    {
        await App.PublishAsync(Define("hello").Start().End().Chain("start", "end").Build());

        var instance = await App.StartAsync("hello");

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(["start", "end"], await App.CompletedNodesAsync(instance.Id));
        Assert.Equal(TestApp.Epoch, instance.EndedAt);
    }

    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public async Task Decision_TakesThePathOfItsCondition(int size, string expected)
    {
        await App.PublishAsync(Define("decide").Input("size", Definitions.Model.ValueType.Integer)
            .Start()
            .Node("check", ControlActivityTypes.Decision, new { condition = Js("input.size > 3") })
            .Node("big", ControlActivityTypes.Log, new { message = "big" })
            .Node("small", ControlActivityTypes.Log, new { message = "small" })
            .Chain("start", "check").Connect("check", "big", Outcomes.True).Connect("check", "small", Outcomes.False).Build());

        var instance = await App.StartAsync("decide", new JsonObject { ["size"] = size });

        var completed = await App.CompletedNodesAsync(instance.Id);
        Assert.Contains(expected, completed);
        Assert.DoesNotContain(expected == "big" ? "small" : "big", completed);
    }

    [Theory]
    [InlineData("fr", "french")]
    [InlineData("xx", "Default")]
    public async Task Switch_TakesTheMatchingCaseOrDefault(string language, string expectedNode)
    {
        await App.PublishAsync(Define("switch").Input("language")
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

        var instance = await App.StartAsync("switch", new JsonObject { ["language"] = language });

        var completed = await App.CompletedNodesAsync(instance.Id);
        Assert.Equal(["start", "route", expectedNode], completed);
    }

    [Fact]
    public async Task SetVariableAndLog_StoreTheValueAndJournalTheRenderedLine()
    {
        await App.PublishAsync(Define("vars").Variable("round", 1)
            .Start()
            .Node("next", ControlActivityTypes.SetVariable, new { variable = "round", value = Js("vars.round + 1") })
            .Node("say", ControlActivityTypes.Log, new { message = Liquid("Round {{ vars.round }} of {{ 3 | quantity: 'round' }}") })
            .Chain("start", "next", "say").Build());

        var instance = await App.StartAsync("vars");

        var state = await App.StateAsync(instance.Id);
        Assert.Equal(2, state.Variables["round"]!.GetValue<int>());
        var log = (await App.JournalAsync(instance.Id)).Single(j => j.Event == JournalEvents.Log);
        Assert.Equal("Round 2 of 3 rounds", JsonNode.Parse(log.DetailsJson!)!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delay_WaitsUntilTheClockReachesItsDueTime()
    {
        await App.PublishAsync(Define("pause").Start()
            .Node("wait", ControlActivityTypes.Delay, new { duration = "PT72H" })
            .End().Chain("start", "wait", "end").Build());
        var instance = await App.StartAsync("pause");
        var timer = Assert.Single(await App.BookmarksAsync(instance.Id));
        Assert.Equal(TestApp.Epoch.AddHours(72), timer.DueAt);

        App.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await App.Runtime.FireDueTimersAsync(CancellationToken.None));
        Assert.Equal(InstanceStatus.Waiting, (await App.InstanceAsync(instance.Id)).Status);

        App.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await App.Runtime.FireDueTimersAsync(CancellationToken.None));
        Assert.Equal(InstanceStatus.Finished, (await App.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Delay_UntilAMoment_IsDueThen()
    {
        await App.PublishAsync(Define("until").Start()
            .Node("wait", ControlActivityTypes.Delay, new { until = "2026-12-01T17:00:00+01:00" })
            .Chain("start", "wait").Build());

        var instance = await App.StartAsync("until");

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), Assert.Single(await App.BookmarksAsync(instance.Id)).DueAt);
    }

    [Fact]
    public async Task WaitForEvent_ResumesOnlyOnItsNameAndKey_AndOutputsThePayload()
    {
        await App.PublishAsync(Define("await").Input("taskForce").Start()
            .Node("decided", ControlActivityTypes.WaitForEvent, new { eventName = "sc-decided", correlationKey = Js("input.taskForce") })
            .End().Chain("start", "decided", "end").Build());
        var ai = await App.StartAsync("await", new JsonObject { ["taskForce"] = "ai" });
        var shutdowns = await App.StartAsync("await", new JsonObject { ["taskForce"] = "shutdowns" });

        var resumed = await App.Runtime.PublishEventAsync("sc-decided", "ai", new JsonObject { ["approved"] = true }, People.Secretariat, CancellationToken.None);

        Assert.Equal([ai.Id], resumed);
        Assert.Equal(InstanceStatus.Finished, (await App.InstanceAsync(ai.Id)).Status);
        Assert.True((await App.StateAsync(ai.Id)).Outputs["decided"]!["approved"]!.GetValue<bool>());
        Assert.Equal(InstanceStatus.Waiting, (await App.InstanceAsync(shutdowns.Id)).Status);
    }

    [Fact]
    public async Task HumanTask_CreatesAnInboxTask_AndTheChosenActionIsTheOutcome()
    {
        await App.PublishAsync(Define("approve").Start()
            .Node("review", ControlActivityTypes.HumanTask, new
            {
                title = "Review the charter", assignees = new[] { People.MemberCanada, "role:secretariat" }, dueIn = "P3D",
                actions = new[] { "Approve", "Reject" }, fields = new object[] { new { name = "note", required = true } },
            })
            .Node("approved", ControlActivityTypes.Log, new { message = "approved" })
            .Node("rejected", ControlActivityTypes.Log, new { message = "rejected" })
            .Chain("start", "review").Connect("review", "approved", "Approve").Connect("review", "rejected", "Reject").Build());
        var instance = await App.StartAsync("approve");
        var task = Assert.Single(await App.TasksAsync(instance.Id));
        Assert.Equal(TestApp.Epoch.AddDays(3), task.DueAt);

        await App.Runtime.ResumeAsync(instance.Id, task.BookmarkId, new JsonObject { ["action"] = "Reject", ["data"] = new JsonObject { ["note"] = "too vague" } },
            People.MemberCanada, null, CancellationToken.None);

        Assert.Equal(["start", "review", "rejected"], await App.CompletedNodesAsync(instance.Id));
        var closed = Assert.Single(await App.TasksAsync(instance.Id));
        Assert.Equal((HumanTaskStatus.Completed, People.MemberCanada, "Reject"), (closed.Status, closed.CompletedBy, closed.Action));
    }
}
