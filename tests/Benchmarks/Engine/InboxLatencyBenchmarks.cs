using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Perfolizer.Mathematics.OutlierDetection;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// One person's inbox read over HTTP (GET /api/tasks, what the designer's inbox page asks) while many
/// instances are stored (<see cref="StoredInstances"/>: 100,000 waiting, each with an open task; the
/// reader has one in every 1,000). The real server answers on a loopback socket, in this process
/// (<see cref="InboxServer"/>). One iteration is one read, so the percentile columns are per-read latencies.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LatencyConfig))]
[Outliers(OutlierMode.DontRemove)]
[InvocationCount(1)]
[WarmupCount(Warmups)]
[IterationCount(Reads)]
public class InboxLatencyBenchmarks
{
    public const int Reads = 1_000;
    private const int Warmups = 20;
    private const string Name = nameof(InboxLatencyBenchmarks) + "." + nameof(ReadInbox);

    private InboxServer? _server;
    private HttpClient? _client;

    [GlobalSetup]
    public void StartServerOnSeededCopy()
    {
        _server = new InboxServer(StoredInstances.DatabaseAsync().GetAwaiter().GetResult());
        _client = _server.ClientAs(StoredInstances.InboxReader);
        ResidentMemory.Note(Name, ResidentMemory.AfterSetup);
    }

    [GlobalCleanup]
    public void Stop()
    {
        ResidentMemory.Note(Name, ResidentMemory.AtEnd);
        _client!.Dispose();
        _server!.Dispose();
    }

    [Benchmark(Description = "Inbox read over HTTP, many instances stored")]
    public async Task<int> ReadInbox()
    {
        using var response = await _client!.GetAsync("/api/tasks");
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET /api/tasks answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        // Every task of the reader's must be listed: a fast answer missing some is no answer.
        var tasks = JsonNode.Parse(await response.Content.ReadAsStreamAsync()) as JsonArray;
        if (tasks?.Count != StoredInstances.InboxSize)
            throw new InvalidOperationException($"The inbox lists {tasks?.Count} tasks; {StoredInstances.InboxSize} were assigned to {StoredInstances.InboxReader}.");
        return tasks.Count;
    }
}
