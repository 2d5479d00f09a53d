using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

/// <summary>
/// Due timers that cannot fire (their instance faulted) or whose fire fails never hold up the others. Runs on SQLite
/// here and on PostgreSQL in its twin (Persistence/PostgreSql/PostgresSuites.cs).
/// </summary>
public class TimerStarvationTests
{
    private const int FaultedCount = 250;

    /// <summary>When the register the faulting step reads opens: before it the step throws, from it the step passes.</summary>
    private static readonly DateTimeOffset RegisterOpens = TestApp.Epoch.AddHours(1);

    protected virtual bool OnPostgres => false;

    private TestApp NewApp(bool timerWorker) =>
        new(timerWorker: timerWorker, postgresConnectionString: OnPostgres ? PostgresServer.NewDatabase() : null);

    private static Flow DelayThenLog(string id, string duration = "PT72H") => Define(id).Start()
        .Node("wait", ControlActivityTypes.Delay, new { duration })
        .Node("after", ControlActivityTypes.Log, new { message = "silence expired" })
        .Chain("start", "wait", "after");

    /// <summary>
    /// One branch waits (a second less than the healthy flow, so its timer is the older) while its sibling throws
    /// until the register opens: the instance faults holding the timer.
    /// </summary>
    private static Flow FaultsHoldingATimer(string id) => DelayThenLog(id, "PT71H59M59S")
        .Node("register", ControlActivityTypes.Log, new
        {
            message = Js($"if (new Date(now) < new Date('{RegisterOpens:O}')) throw new Error('The register is closed.'); 'registered'"),
        })
        .Connect("start", "register");

    private static Task<List<(string InstanceId, DateTimeOffset? ClaimedUntil)>> TimersOfAsync(TestApp app, IReadOnlyCollection<string> instanceIds) =>
        app.QueryAsync(async db => (await db.Bookmarks.AsNoTracking().Where(b => instanceIds.Contains(b.InstanceId) && b.DueAt != null)
            .Select(b => new { b.InstanceId, ClaimedUntil = EF.Property<DateTimeOffset?>(b, BookmarkConfiguration.ClaimedUntil) }).ToListAsync())
            .Select(t => (t.InstanceId, t.ClaimedUntil)).ToList());

    [Fact]
    public async Task TimerWorker_250FaultedInstancesHoldingOlderDueTimers_FiresTheHealthyTimerOnTheNextPass()
    {
        using var app = NewApp(timerWorker: true);
        await app.PublishAsync(FaultsHoldingATimer("faulty").Build());
        await app.PublishAsync(DelayThenLog("healthy").Build());
        var faulted = new List<string>();
        for (var i = 0; i < FaultedCount; i++) faulted.Add((await app.StartAsync("faulty")).Id);
        var healthy = await app.StartAsync("healthy");

        app.Clock.Advance(TimeSpan.FromHours(72)); // every timer is due; the faulted instances' are the oldest

        // The clock stands still from here: the worker wakes once, so the pass that fires it is the first one.
        await TestApp.EventuallyAsync(async () => (await app.InstanceAsync(healthy.Id)).Status == InstanceStatus.Finished, "the healthy timer fired");
        var fired = (await app.JournalAsync(healthy.Id)).Single(j => j.Event == JournalEvents.Resumed);
        Assert.Equal(app.Clock.GetUtcNow(), fired.At);
        Assert.All(await app.QueryAsync(db => db.Instances.AsNoTracking().Where(i => faulted.Contains(i.Id)).Select(i => i.Status).ToListAsync()),
            status => Assert.Equal(InstanceStatus.Faulted, status));
        var timers = await TimersOfAsync(app, faulted);
        Assert.Equal(FaultedCount, timers.Count); // kept for a retry...
        Assert.All(timers, t => Assert.Null(t.ClaimedUntil)); // ...and never taken while faulted
    }

    [Fact]
    public async Task TimerWorker_FaultedInstanceRetriedAfterItsTimerFellDue_FiresItsTimer()
    {
        using var app = NewApp(timerWorker: true);
        await app.PublishAsync(FaultsHoldingATimer("faulty").Build());
        var instance = await app.StartAsync("faulty");
        app.Clock.Advance(TimeSpan.FromHours(72)); // the timer is due, the register open; the worker passes the instance by
        Assert.Equal(InstanceStatus.Faulted, (await app.InstanceAsync(instance.Id)).Status);

        await app.Runtime.RetryAsync(instance.Id, People.Secretariat, CancellationToken.None);

        await TestApp.EventuallyAsync(async () =>
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1)); // the worker's next tick, whenever it sleeps
            return (await app.InstanceAsync(instance.Id)).Status == InstanceStatus.Finished;
        }, "the retried instance's timer fired");
        var journal = await app.JournalAsync(instance.Id);
        var retried = journal.Single(j => j.Event == JournalEvents.Retried).Sequence;
        Assert.Single(journal, j => j.Event == JournalEvents.Resumed && j.NodeId == "wait" && j.Sequence > retried);
        Assert.Contains("after", await app.CompletedNodesAsync(instance.Id));
    }

    [Fact]
    public async Task FireDueTimers_ATimerWhoseFireFails_FiresTheOthers_AndTakesItAgainOnlyWhenItsClaimExpires()
    {
        using var app = NewApp(timerWorker: false);
        // After its timer the failing instance opens a task: its fire is the only burst that inserts one.
        await app.PublishAsync(Define("then-task").Start()
            .Node("wait", ControlActivityTypes.Delay, new { duration = "PT72H" })
            .Node("task", ControlActivityTypes.HumanTask, new { title = "Next", assignees = new[] { People.Chair } })
            .Chain("start", "wait", "task").Build());
        await app.PublishAsync(DelayThenLog("healthy").Build());
        var failing = await app.StartAsync("then-task");
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // the failing timer is the older, tried first
        var healthy = await app.StartAsync("healthy");
        app.Clock.Advance(TimeSpan.FromHours(72));
        app.Faults.FailOn(sql => sql.Contains("INSERT INTO \"Tasks\"", StringComparison.Ordinal));

        var fired = await app.Runtime.FireDueTimersAsync(CancellationToken.None);

        Assert.Equal(1, fired);
        Assert.Equal(1, app.Faults.Fired);
        Assert.Equal(InstanceStatus.Finished, (await app.InstanceAsync(healthy.Id)).Status);
        Assert.Equal(InstanceStatus.Waiting, (await app.InstanceAsync(failing.Id)).Status);
        Assert.Equal(0, await app.Runtime.FireDueTimersAsync(CancellationToken.None));
        Assert.Equal(1, app.Faults.Fired); // not taken again while its claim holds

        app.Faults.Disarm();
        app.Clock.Advance(new EngineOptions().TimerClaimTimeout);
        Assert.Equal(1, await app.Runtime.FireDueTimersAsync(CancellationToken.None));
        Assert.Equal(HumanTaskStatus.Open, Assert.Single(await app.TasksAsync(failing.Id)).Status);
    }

    [Fact]
    public async Task FireDueTimers_MoreDueThanOneBatch_FiresThemAllInOnePass()
    {
        using var app = NewApp(timerWorker: false);
        await app.PublishAsync(DelayThenLog("healthy").Build());
        var count = WorkflowRuntime.TimerBatchSize + 5;
        for (var i = 0; i < count; i++) await app.StartAsync("healthy");
        app.Clock.Advance(TimeSpan.FromHours(72));

        var fired = await app.Runtime.FireDueTimersAsync(CancellationToken.None);

        Assert.Equal(count, fired);
        Assert.Equal(count, await app.QueryAsync(db => db.Instances.CountAsync(i => i.Status == InstanceStatus.Finished)));
    }
}
