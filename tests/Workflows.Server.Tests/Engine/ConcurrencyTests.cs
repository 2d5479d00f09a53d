using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public class ConcurrencyTests : DatabaseSuite
{
    [Fact]
    public async Task FiftyConcurrentResumesOfOneInstance_AreEachAppliedExactlyOnce()
    {
        // Each "vote" event adds its payload to a tally, then waits for the next one.
        await App.PublishAsync(Define("tally").Variable("votes", new JsonArray()).Start()
            .Node("wait", ControlActivityTypes.WaitForEvent, new { eventName = "vote", correlationKey = "round-1" })
            .Node("count", ControlActivityTypes.SetVariable, new { variable = "votes", value = Js("vars.votes.concat([outputs.wait.voter])") })
            .Chain("start", "wait", "count", "wait").Build());
        var instance = await App.StartAsync("tally");

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() =>
            App.Runtime.PublishEventAsync("vote", "round-1", new JsonObject { ["voter"] = i }, People.Secretariat, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal([instance.Id], r));
        var votes = (await App.StateAsync(instance.Id)).Variables["votes"]!.AsArray().Select(v => v!.GetValue<int>()).Order();
        Assert.Equal(Enumerable.Range(1, 50), votes);
        var journal = await App.JournalAsync(instance.Id);
        Assert.Equal(50, journal.Count(j => j.Event == JournalEvents.Resumed));
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        Assert.Single(await App.BookmarksAsync(instance.Id));
    }

    [Fact]
    public async Task ConcurrentStartsWithOneIdempotencyKey_CreateOneInstance()
    {
        await App.PublishAsync(Define("once").Start()
            .Node("wait", ControlActivityTypes.WaitForEvent, new { eventName = "never" }).Chain("start", "wait").Build());

        var started = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => App.StartAsync("once", key: "launch-42"))));

        Assert.Single(started.Select(i => i.Id).Distinct());
        Assert.Equal(1, await App.QueryAsync(db => Task.FromResult(db.Instances.Count())));
    }
}
