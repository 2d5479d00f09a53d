using BenchmarkDotNet.Attributes;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// 10,000 instances wait on timers that all fall due at the same moment; one operation is firing all
/// of them (<see cref="WorkflowRuntime.FireDueTimersAsync"/>, the timer worker's pass, until it finds
/// none), so the mean reads as "all 10,000 fire within N s". The instances are started once, through
/// the engine, and saved as a database file; each iteration runs on a fresh copy of that file with the
/// clock moved past the due moment, so the setup stays outside the measured part.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)] // one invocation is the whole burst on a fresh copy
public class TimerBurstBenchmarks
{
    public const int Timers = 10_000;

    private readonly string _template = Path.Combine(Path.GetTempPath(), "focwf-bench", $"timer-burst-{Guid.NewGuid():N}.db");
    private DateTimeOffset _dueAt;
    private EngineHost? _engine;

    [GlobalSetup]
    public void SeedWaitingInstances() => SeedAsync().GetAwaiter().GetResult();

    private async Task SeedAsync()
    {
        // An hour ahead: far enough that no timer is due while seeding, whatever the seeding speed.
        _dueAt = TimeProvider.System.GetUtcNow().AddHours(1);
        await using var engine = await EngineHost.StartAsync(TimerBurst.Definition(_dueAt));
        await InstanceSeeder.StartManyAsync(engine, Timers,
            _ => new StartRequest(TimerBurst.DefinitionId, null, null, "benchmark@foc.example"), "timer-burst");
        var timers = await engine.QueryAsync(db => db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Timer));
        if (timers != Timers) throw new InvalidOperationException($"Expected {Timers} waiting timers after seeding; the database has {timers}.");
        await engine.SaveCopyAsync(_template);
    }

    [GlobalCleanup]
    public void DeleteTemplate() => File.Delete(_template);

    [IterationSetup]
    public void StartOnCopyPastTheDueMoment()
    {
        // The clock runs a second past the due moment from the start: every timer is due when the operation begins.
        var clock = new ClockAhead(_dueAt.AddSeconds(1) - TimeProvider.System.GetUtcNow());
        _engine = EngineHost.StartOnCopyAsync(_template, clock).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void CheckAllFiredAndStop()
    {
        // Every instance must have moved past its timer and finished, and no timer may be left.
        var (finished, timersLeft) = _engine!.QueryAsync(async db => (
            await db.Instances.CountAsync(i => i.Status == InstanceStatus.Finished),
            await db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Timer))).GetAwaiter().GetResult();
        _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (finished != Timers || timersLeft != 0)
            throw new InvalidOperationException($"Expected all {Timers} timers fired and their instances finished; {finished} finished, {timersLeft} timers left.");
    }

    [Benchmark(Description = "Fire 10,000 timers due at once, SQLite file")]
    public async Task<int> FireAllDueTimers()
    {
        var fired = 0;
        // A pass fires at most 50 batches of 200; further passes take the rest, as the timer worker's next ticks would.
        for (int firedInPass; (firedInPass = await _engine!.Runtime.FireDueTimersAsync(CancellationToken.None)) > 0;)
            fired += firedInPass;
        return fired;
    }
}
