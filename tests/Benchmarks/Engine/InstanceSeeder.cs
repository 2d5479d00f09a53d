using System.Diagnostics;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// Starts many instances through the real engine (no rows are forged: every instance, bookmark, task
/// and journal line is what a start through the API would store), with concurrent callers, and
/// reports how long it took, since seeding large databases is itself a throughput figure.
/// </summary>
public static class InstanceSeeder
{
    /// <summary>Concurrent callers while seeding; SQLite has one writer, but callers overlap their reads and work.</summary>
    public const int Callers = 16;

    public static async Task<TimeSpan> StartManyAsync(EngineHost engine, int count, Func<int, StartRequest> request, string what)
    {
        var clock = Stopwatch.StartNew();
        var started = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (i, ct) =>
        {
            var result = await engine.Runtime.StartAsync(request(i), ct);
            if (result.Instance.Status != InstanceStatus.Waiting)
                throw new InvalidOperationException($"Seeded instance {i} of {what} is {result.Instance.Status} after its start, not waiting.");
            var done = Interlocked.Increment(ref started);
            if (done % 10_000 == 0) Console.WriteLine($"// Seeding {what}: {done:N0} of {count:N0} after {clock.Elapsed.TotalSeconds:N0} s");
        });
        Console.WriteLine($"// Seeded {count:N0} instances of {what} in {clock.Elapsed.TotalSeconds:N1} s " +
            $"({count / clock.Elapsed.TotalSeconds:N0} starts/s, {Callers} callers)");
        return clock.Elapsed;
    }
}
