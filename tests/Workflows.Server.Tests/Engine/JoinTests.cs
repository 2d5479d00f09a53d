using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public sealed class JoinTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Fork into two event waits that meet at a join, then a log after the join.</summary>
    private static Flow ForkOfTwoEvents(string id, string mode) => Define(id).Start()
        .Node("fork", ControlActivityTypes.Fork, new { branches = new[] { "members", "advisors" } })
        .Node("members", ControlActivityTypes.WaitForEvent, new { eventName = "members-done" })
        .Node("advisors", ControlActivityTypes.WaitForEvent, new { eventName = "advisors-done" })
        .Node("join", ControlActivityTypes.Join, new { mode })
        .Node("after", ControlActivityTypes.Log, new { message = "joined" })
        .Chain("start", "fork").Connect("fork", "members", "members").Connect("fork", "advisors", "advisors")
        .Connect("members", "join").Connect("advisors", "join").Chain("join", "after");

    [Fact]
    public async Task JoinAll_WaitsForEveryBranch_ThenContinuesOnce()
    {
        await _app.PublishAsync(ForkOfTwoEvents("all", "all").Build());
        var instance = await _app.StartAsync("all");

        await _app.Runtime.PublishEventAsync("members-done", null, null, People.Secretariat, CancellationToken.None);
        Assert.DoesNotContain("after", await _app.CompletedNodesAsync(instance.Id));
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(instance.Id)).Status);

        await _app.Runtime.PublishEventAsync("advisors-done", null, null, People.Secretariat, CancellationToken.None);
        var completed = await _app.CompletedNodesAsync(instance.Id);
        Assert.Single(completed, n => n == "after");
        Assert.Single(completed, n => n == "join");
        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task JoinAny_ContinuesOnTheFirstBranch_AndCancelsTheOther()
    {
        await _app.PublishAsync(ForkOfTwoEvents("any", "any").Build());
        var instance = await _app.StartAsync("any");

        await _app.Runtime.PublishEventAsync("advisors-done", null, null, People.Secretariat, CancellationToken.None);

        Assert.Contains("after", await _app.CompletedNodesAsync(instance.Id));
        Assert.Empty(await _app.BookmarksAsync(instance.Id));
        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(instance.Id)).Status);
        var late = await _app.Runtime.PublishEventAsync("members-done", null, null, People.Secretariat, CancellationToken.None);
        Assert.Empty(late);
    }

    [Fact]
    public async Task JoinAll_DoesNotWaitForABranchADecisionSkipped()
    {
        await _app.PublishAsync(Define("skip").Input("withAdvisors", Definitions.Model.ValueType.Boolean).Start()
            .Node("fork", ControlActivityTypes.Fork, new { branches = new[] { "members", "maybe" } })
            .Node("members", ControlActivityTypes.Log, new { message = "members" })
            .Node("maybe", ControlActivityTypes.Decision, new { condition = Js("input.withAdvisors") })
            .Node("advisors", ControlActivityTypes.Log, new { message = "advisors" })
            .Node("join", ControlActivityTypes.Join, new { mode = "all" })
            .Node("after", ControlActivityTypes.Log, new { message = "joined" })
            .Chain("start", "fork").Connect("fork", "members", "members").Connect("fork", "maybe", "maybe")
            .Connect("maybe", "advisors", Outcomes.True).Connect("members", "join").Connect("advisors", "join").Chain("join", "after")
            .Build());

        var instance = await _app.StartAsync("skip", new JsonObject { ["withAdvisors"] = false });

        var completed = await _app.CompletedNodesAsync(instance.Id);
        Assert.DoesNotContain("advisors", completed);
        Assert.Single(completed, n => n == "after");
        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(instance.Id)).Status);
    }
}
