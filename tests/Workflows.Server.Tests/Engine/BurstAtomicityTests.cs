using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public class BurstAtomicityTests : DatabaseSuite
{
    [Fact]
    public async Task FailureAtCommit_AfterEveryStatementRan_LeavesNothingOfTheBurst_AndTheInstanceResumable()
    {
        await PublishTwoStepsAsync();
        var instance = await App.StartAsync("two-steps");
        var before = await SnapshotAsync(instance.Id);

        App.Faults.FailOnCommit();
        await Assert.ThrowsAnyAsync<Exception>(() =>
            App.Runtime.PublishEventAsync("go", null, new JsonObject { ["x"] = 1 }, People.Secretariat, CancellationToken.None));
        Assert.Equal(1, App.Faults.Fired);
        Assert.True(App.Faults.CommandsWhileArmed > 0, "the burst's statements ran before the commit failed");

        Assert.Equal(before, await SnapshotAsync(instance.Id));
        App.Faults.Disarm();
        Assert.Equal([instance.Id], await App.Runtime.PublishEventAsync("go", null, null, People.Secretariat, CancellationToken.None));
        Assert.Single(await App.TasksAsync(instance.Id));
    }

    [Fact]
    public async Task FailureOnAStatementMidBurst_LeavesNothingOfIt_AndTheInstanceResumable()
    {
        await PublishTwoStepsAsync();
        var instance = await App.StartAsync("two-steps");
        var before = await SnapshotAsync(instance.Id);

        // The burst inserts journal lines, a task and a bookmark; fail on the task insert.
        App.Faults.FailOn(sql => sql.Contains("INSERT INTO \"Tasks\"", StringComparison.Ordinal));
        await Assert.ThrowsAnyAsync<Exception>(() =>
            App.Runtime.PublishEventAsync("go", null, new JsonObject { ["x"] = 1 }, People.Secretariat, CancellationToken.None));
        Assert.Equal(1, App.Faults.Fired);

        Assert.Equal(before, await SnapshotAsync(instance.Id));

        App.Faults.Disarm();
        var resumed = await App.Runtime.PublishEventAsync("go", null, new JsonObject { ["x"] = 1 }, People.Secretariat, CancellationToken.None);
        Assert.Equal([instance.Id], resumed);
        Assert.Single(await App.TasksAsync(instance.Id));
        Assert.Equal(["start", "first", "note"], await App.CompletedNodesAsync(instance.Id));
    }

    private Task PublishTwoStepsAsync() => App.PublishAsync(Define("two-steps").Start()
            .Node("first", ControlActivityTypes.WaitForEvent, new { eventName = "go" })
            .Node("note", ControlActivityTypes.Log, new { message = "went" })
            .Node("second", ControlActivityTypes.HumanTask, new { title = "Next", assignees = new[] { People.Chair } })
            .Node("mail", ControlActivityTypes.Log, new { message = "done" })
            .Chain("start", "first", "note", "second").Connect("second", "mail", "Complete").Build());

    /// <summary>Everything a burst can write, as one comparable string.</summary>
    private Task<string> SnapshotAsync(string instanceId) => App.QueryAsync(async db =>
    {
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
        var journal = await db.JournalBursts.Where(j => j.InstanceId == instanceId).SumAsync(j => j.LastSequence - j.FirstSequence + 1);
        var bookmarks = string.Join(",", await db.Bookmarks.Where(b => b.InstanceId == instanceId).Select(b => b.Id).ToListAsync());
        var tasks = await db.Tasks.CountAsync(t => t.InstanceId == instanceId);
        var outbox = await db.Outbox.CountAsync();
        return $"{instance.Status}|{instance.Stamp}|{instance.JournalSequence}|{instance.StateJson}|{journal}|{bookmarks}|{tasks}|{outbox}";
    });
}
