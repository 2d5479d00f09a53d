using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public sealed class TimerTests
{
    private static Flow DelayThenLog(string id) => Define(id).Start()
        .Node("wait", ControlActivityTypes.Delay, new { duration = "PT72H" })
        .Node("after", ControlActivityTypes.Log, new { message = "silence expired" })
        .Chain("start", "wait", "after");

    [Fact]
    public async Task TimerWorker_FiresATimerWhenTheClockReachesIt()
    {
        using var app = new TestApp(timerWorker: true);
        await app.PublishAsync(DelayThenLog("worker").Build());
        var instance = await app.StartAsync("worker");

        app.Clock.Advance(TimeSpan.FromHours(72));

        await TestApp.EventuallyAsync(async () => (await app.InstanceAsync(instance.Id)).Status == InstanceStatus.Finished, "the timer fired");
        var fired = (await app.JournalAsync(instance.Id)).Single(j => j.Event == JournalEvents.Resumed);
        Assert.Equal(TestApp.Epoch.AddHours(72), fired.At);
    }

    [Fact]
    public async Task Timer_ThatFellDueWhileTheServerWasDown_FiresAtStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "focwf-tests", Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(TestApp.Epoch);
        string instanceId;
        using (var before = new TestApp(folder, clock, timerWorker: true))
        {
            await before.PublishAsync(DelayThenLog("restart").Build());
            instanceId = (await before.StartAsync("restart")).Id;
        }

        clock.Advance(TimeSpan.FromDays(5)); // the server is down over the due time

        using var after = new TestApp(folder, clock, timerWorker: true);
        _ = after.Services; // starting the host starts the timer worker
        await TestApp.EventuallyAsync(async () => (await after.InstanceAsync(instanceId)).Status == InstanceStatus.Finished, "the overdue timer fired at start");
        Assert.Contains("after", await after.CompletedNodesAsync(instanceId));
        Directory.Delete(folder, recursive: true);
    }
}
