using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public sealed class LoopTests : IDisposable
{
    private readonly TestApp _app = new(maxActivitiesPerBurst: 100);

    public void Dispose() => _app.Dispose();

    private static Flow CountTo(string id, string condition) => Define(id).Variable("n", 0).Start()
        .Node("inc", ControlActivityTypes.SetVariable, new { variable = "n", value = Js("vars.n + 1") })
        .Node("again", ControlActivityTypes.Decision, new { condition = Js(condition) })
        .End()
        .Chain("start", "inc", "again").Connect("again", "inc", Outcomes.True).Connect("again", "end", Outcomes.False);

    [Fact]
    public async Task Loop_WithAnEndingCondition_RunsItsBodyThatManyTimes()
    {
        await _app.PublishAsync(CountTo("three-rounds", "vars.n < 3").Build());

        var instance = await _app.StartAsync("three-rounds");

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(3, (await _app.StateAsync(instance.Id)).Variables["n"]!.GetValue<int>());
        Assert.Equal(3, (await _app.CompletedNodesAsync(instance.Id)).Count(n => n == "inc"));
    }

    [Fact]
    public async Task Loop_ThatNeverWaits_IsFaultedAsRunaway_AndNothingElseIsLost()
    {
        await _app.PublishAsync(CountTo("forever", "true").Build());

        var instance = await _app.StartAsync("forever");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        var state = await _app.StateAsync(instance.Id);
        Assert.Contains("Runaway loop", state.Incident!.Message);
        var fault = (await _app.JournalAsync(instance.Id)).Single(j => j.Event == JournalEvents.Faulted);
        Assert.Contains("more than 100 activities", fault.DetailsJson);
    }

    [Fact]
    public async Task Loop_ThatWaitsEachRound_IsNotARunaway()
    {
        await _app.PublishAsync(Define("rounds").Variable("n", 0).Start()
            .Node("inc", ControlActivityTypes.SetVariable, new { variable = "n", value = Js("vars.n + 1") })
            .Node("wait", ControlActivityTypes.Delay, new { duration = "PT1H" })
            .Node("again", ControlActivityTypes.Decision, new { condition = Js("vars.n < 200") })
            .Chain("start", "inc", "wait", "again").Connect("again", "inc", Outcomes.True).Build());
        var instance = await _app.StartAsync("rounds");

        for (var hour = 0; hour < 150; hour++)
        {
            _app.Clock.Advance(TimeSpan.FromHours(1));
            await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        }

        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(instance.Id)).Status);
        Assert.Equal(151, (await _app.StateAsync(instance.Id)).Variables["n"]!.GetValue<int>());
    }
}
