using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The hash-chained journal in memory: appending lines to a burst (each hashes its predecessor)
/// and verifying a chain, as GET /api/instances/{id}/journal/verify does. One operation is one line.
/// </summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private const int Lines = 100;

    private readonly IdGenerator _ids = new(TimeProvider.System);
    private readonly DateTimeOffset _now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private List<JournalEntry> _chain = [];

    [GlobalSetup]
    public void BuildChain()
    {
        _chain = Append().Journal;
        if (JournalWriter.Verify(_chain) is { } broken) throw new InvalidOperationException($"A fresh chain breaks at line {broken}.");
        var tampered = _chain.Select(e => e.Sequence == 50 ? CopyWithActor(e, "someone-else") : e).ToList();
        if (JournalWriter.Verify(tampered) != 50) throw new InvalidOperationException("Verify did not find the altered line.");
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Journal: append a line")]
    public Burst Append()
    {
        var instance = new WorkflowInstance
        {
            Id = _ids.NewId(), DefinitionId = EventRoundTrip.DefinitionId, DefinitionVersion = 1, InputJson = "{}",
        };
        var burst = new Burst(instance, EventRoundTrip.Definition, [], [], _now, "chair@foc.example", null, _ids);
        for (var i = 0; i < Lines; i++)
            JournalWriter.Append(burst, JournalEvents.Completed, "wait", "control.wait-for-event", "Done", new JsonObject { ["line"] = i });
        return burst;
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "Journal: verify a line")]
    public long? Verify() => JournalWriter.Verify(_chain);

    private static JournalEntry CopyWithActor(JournalEntry e, string actor) => new()
    {
        InstanceId = e.InstanceId, Sequence = e.Sequence, At = e.At, NodeId = e.NodeId, ActivityType = e.ActivityType, Event = e.Event,
        Actor = actor, OnBehalfOf = e.OnBehalfOf, Outcome = e.Outcome, DetailsJson = e.DetailsJson, PreviousHash = e.PreviousHash, Hash = e.Hash,
    };
}
