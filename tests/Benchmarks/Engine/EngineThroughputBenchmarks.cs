using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// Start 2,000 instances of a three-step workflow that waits for one event, publish one event to
/// each, and every instance completes; one operation is one instance's round trip, so Op/s reads as
/// instances per second. Ours runs on the real engine and a real SQLite file (WAL,
/// synchronous=FULL): every start and every event is one committed, durable transaction.
/// Ours runs with 1, 4, 16 and 64 concurrent callers. WorkflowCore runs in memory (its default; no durable
/// provider is served here), the baseline of the table.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)] // one invocation is a whole scenario on a fresh database
public class EngineThroughputBenchmarks
{
    public const int Instances = 2_000;
    private const string Actor = "benchmark@foc.example";

    private EngineHost? _engine;
    private WorkflowCorePeer? _peer;
    private Task _peerCompleted = Task.CompletedTask;
    private string[] _keys = [];
    private string[] _ids = [];

    private const string OneCaller = nameof(Ours_SqliteFile_OneCaller);
    private const string FourCallers = nameof(Ours_SqliteFile_FourCallers);
    private const string SixteenCallers = nameof(Ours_SqliteFile_SixteenCallers);
    private const string SixtyFourCallers = nameof(Ours_SqliteFile_SixtyFourCallers);

    [IterationSetup(Targets = [OneCaller, FourCallers, SixteenCallers, SixtyFourCallers])]
    public void StartEngine()
    {
        NewKeys();
        _engine = EngineHost.StartAsync(EventRoundTrip.Definition).GetAwaiter().GetResult();
    }

    [IterationCleanup(Targets = [OneCaller, FourCallers, SixteenCallers, SixtyFourCallers])]
    public void CheckEngineAndStop()
    {
        // A broken engine must not produce a fast number: every instance must be stored as finished.
        var (total, finished) = _engine!.QueryAsync(async db => (
            await db.Instances.CountAsync(),
            await db.Instances.CountAsync(i => i.Status == InstanceStatus.Finished))).GetAwaiter().GetResult();
        _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (total != Instances || finished != Instances)
            throw new InvalidOperationException($"Expected {Instances} finished instances; the database has {finished} finished of {total}.");
    }

    // Separate methods rather than [Params]: a caller count would also multiply the WorkflowCore baseline,
    // which has no callers to vary, and one table with one baseline row reads more easily.
    [Benchmark(OperationsPerInvoke = Instances, Description = "FocWorkflows, SQLite file, 1 caller")]
    public async Task Ours_SqliteFile_OneCaller()
    {
        for (var i = 0; i < Instances; i++) await StartOurs(i);
        for (var i = 0; i < Instances; i++) await PublishOurs(i);
    }

    [Benchmark(OperationsPerInvoke = Instances, Description = "FocWorkflows, SQLite file, 4 callers")]
    public Task Ours_SqliteFile_FourCallers() => RunOursConcurrently(4);

    [Benchmark(OperationsPerInvoke = Instances, Description = "FocWorkflows, SQLite file, 16 callers")]
    public Task Ours_SqliteFile_SixteenCallers() => RunOursConcurrently(16);

    [Benchmark(OperationsPerInvoke = Instances, Description = "FocWorkflows, SQLite file, 64 callers")]
    public Task Ours_SqliteFile_SixtyFourCallers() => RunOursConcurrently(64);

    private async Task RunOursConcurrently(int callers)
    {
        // Requests in flight, as a server would see them: SQLite has one writer at a time, so callers gain only
        // as far as the engine overlaps their work or commits their transactions together.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = callers };
        await Parallel.ForAsync(0, Instances, parallel, async (i, _) => await StartOurs(i));
        await Parallel.ForAsync(0, Instances, parallel, async (i, _) => await PublishOurs(i));
    }

    private async Task StartOurs(int i)
    {
        var started = await _engine!.Runtime.StartAsync(
            new StartRequest(EventRoundTrip.DefinitionId, null, new JsonObject { ["key"] = _keys[i] }, Actor), CancellationToken.None);
        if (started.Instance.Status != InstanceStatus.Waiting)
            throw new InvalidOperationException($"Instance {i} is {started.Instance.Status} after its start, not waiting.");
    }

    private async Task PublishOurs(int i)
    {
        var resumed = await _engine!.Runtime.PublishEventAsync(EventRoundTrip.EventName, _keys[i], null, Actor, CancellationToken.None);
        if (resumed.Count != 1) throw new InvalidOperationException($"The event for instance {i} resumed {resumed.Count} instances.");
    }

    [GlobalSetup(Target = nameof(WorkflowCore_InMemory))]
    public void StartPeer() => _peer = new WorkflowCorePeer();

    [GlobalCleanup(Target = nameof(WorkflowCore_InMemory))]
    public void StopPeer() => _peer!.Dispose();

    [IterationSetup(Target = nameof(WorkflowCore_InMemory))]
    public void ArmPeer()
    {
        NewKeys();
        _ids = new string[Instances];
        _peerCompleted = _peer!.ExpectCompletions(Instances);
    }

    [IterationCleanup(Target = nameof(WorkflowCore_InMemory))]
    public void CheckPeer()
    {
        var stored = _peer!.Persistence.GetWorkflowInstances(_ids).GetAwaiter().GetResult().ToList();
        var complete = stored.Count(w => w.Status == WorkflowCore.Models.WorkflowStatus.Complete);
        if (complete != Instances) throw new InvalidOperationException($"Expected {Instances} complete WorkflowCore instances; found {complete}.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Instances, Description = "WorkflowCore 3.22, in memory")]
    public async Task WorkflowCore_InMemory()
    {
        for (var i = 0; i < Instances; i++)
            _ids[i] = await _peer!.Host.StartWorkflow(EventRoundTrip.DefinitionId, 1, new WorkflowCorePeer.RoundTripData { Key = _keys[i] });
        for (var i = 0; i < Instances; i++)
            await _peer!.Host.PublishEvent(EventRoundTrip.EventName, _keys[i], null);
        // Completion is asynchronous in WorkflowCore (background consumers); the operation ends when all are done.
        await _peerCompleted.WaitAsync(TimeSpan.FromMinutes(2));
    }

    // Fresh keys per iteration, so an event can only ever reach this iteration's instance.
    private void NewKeys()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        _keys = [.. Enumerable.Range(0, Instances).Select(i => $"{run}-{i}")];
    }
}
