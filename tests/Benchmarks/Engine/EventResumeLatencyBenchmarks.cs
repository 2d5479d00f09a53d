using BenchmarkDotNet.Attributes;
using Perfolizer.Mathematics.OutlierDetection;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// One event resuming one instance among many stored (<see cref="StoredInstances"/>: 100,000 waiting, each
/// with a task and an event bookmark): the engine finds the bookmark by its key, loads the instance, runs
/// the step and commits, durably, in the SQLite file. One iteration is one resume, so the percentile
/// columns are per-resume latencies; each resume reaches another instance, in a shuffled order.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyConfig))]
[Outliers(OutlierMode.DontRemove)]
[InvocationCount(1)]
[WarmupCount(Warmups)]
[IterationCount(Resumes)]
public class EventResumeLatencyBenchmarks
{
    public const int Resumes = 1_000;
    private const int Warmups = 20;

    private EngineHost? _engine;
    private int[] _order = [];
    private int _resumed;

    [GlobalSetup]
    public void StartOnSeededCopy()
    {
        _engine = EngineHost.StartOnCopyAsync(StoredInstances.DatabaseAsync().GetAwaiter().GetResult()).GetAwaiter().GetResult();
        // A fixed shuffle: resumes spread over the whole table, not along the order the rows were written in.
        _order = [.. Enumerable.Range(0, StoredInstances.Count)];
        new Random(20261127).Shuffle(_order);
        ResidentMemory.Note(nameof(EventResumeLatencyBenchmarks) + "." + nameof(ResumeOneStoredInstance), ResidentMemory.AfterSetup);
    }

    [GlobalCleanup]
    public void CheckAndStop()
    {
        ResidentMemory.Note(nameof(EventResumeLatencyBenchmarks) + "." + nameof(ResumeOneStoredInstance), ResidentMemory.AtEnd);
        // Each resume must have closed exactly its instance's event bookmark, and no other.
        var events = _engine!.QueryAsync(db => db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Event)).GetAwaiter().GetResult();
        _engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (events != StoredInstances.Count - _resumed)
            throw new InvalidOperationException($"After {_resumed} resumes of {StoredInstances.Count} stored instances, {events} event bookmarks are open.");
    }

    [Benchmark(Description = "Event resumes 1 of the stored instances, SQLite file")]
    public async Task ResumeOneStoredInstance()
    {
        if (_resumed >= _order.Length) throw new InvalidOperationException($"All {_order.Length} stored instances were resumed; store more.");
        var key = StoredInstances.Key(_order[_resumed]);
        var resumed = await _engine!.Runtime.PublishEventAsync(StoredInstance.EventName, key, null, "benchmark@foc.example", CancellationToken.None);
        if (resumed.Count != 1) throw new InvalidOperationException($"The event keyed {key} resumed {resumed.Count} instances.");
        _resumed++;
    }
}
