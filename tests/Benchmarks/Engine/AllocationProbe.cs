using System.Diagnostics;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// A quick look between benchmark runs (<c>-- --probe [callers]</c>): the event round trip of
/// <see cref="EngineThroughputBenchmarks"/> on a fresh SQLite file, timed and with the bytes the process
/// allocated per instance, after a warm-up round. Seconds instead of BenchmarkDotNet's minutes, for finding
/// where time and memory go; the figures the README quotes still come from the benchmarks.
/// </summary>
public static class AllocationProbe
{
    private const int Instances = 2_000;

    public static async Task RunAsync(int callers, bool byType)
    {
        await using var engine = await EngineHost.StartAsync(EventRoundTrip.Definition);
        await RoundAsync(engine.Runtime, "warm", 200, callers);
        if (byType)
        {
            using var sampler = new AllocationSampler();
            sampler.Start();
            await RoundAsync(engine.Runtime, "sampled", Instances, callers);
            sampler.Stop();
            sampler.Print(Instances, 40);
            return;
        }
        for (var round = 1; round <= 3; round++)
        {
            GC.Collect();
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            await RoundAsync(engine.Runtime, $"r{round}", Instances, callers);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            Console.WriteLine($"{callers} caller(s), round {round}: {Instances / clock.Elapsed.TotalSeconds:N0} instances/s, " +
                $"{allocated / Instances / 1024.0:N1} KB allocated per instance");
        }
    }

    private static async Task RoundAsync(WorkflowRuntime runtime, string run, int count, int callers)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = callers };
        await Parallel.ForAsync(0, count, parallel, async (i, ct) =>
        {
            var started = await runtime.StartAsync(new StartRequest(EventRoundTrip.DefinitionId, null,
                new JsonObject { ["key"] = $"{run}-{i}" }, "probe@foc.example"), ct);
            if (started.Instance.Status != Server.Engine.State.InstanceStatus.Waiting) throw new InvalidOperationException($"Instance {i} did not wait.");
        });
        await Parallel.ForAsync(0, count, parallel, async (i, ct) =>
        {
            var resumed = await runtime.PublishEventAsync(EventRoundTrip.EventName, $"{run}-{i}", null, "probe@foc.example", ct);
            if (resumed.Count != 1) throw new InvalidOperationException($"The event for instance {i} resumed {resumed.Count} instances.");
        });
    }
}
