using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// WorkflowCore 3.22 with its default in-memory persistence and queues: the peer the design names.
/// The same three steps as <see cref="EventRoundTrip"/>: a step, WaitFor("go", the instance's key), a step.
/// Completions are counted from WorkflowCore's own lifecycle events.
/// </summary>
public sealed class WorkflowCorePeer : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ConcurrentDictionary<string, bool> _completed = new();
    private TaskCompletionSource _allCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;

    public WorkflowCorePeer()
    {
        _services = new ServiceCollection().AddLogging().AddWorkflow().BuildServiceProvider();
        Host = _services.GetRequiredService<IWorkflowHost>();
        Host.RegisterWorkflow<RoundTripWorkflow, RoundTripData>();
        Host.OnLifeCycleEvent += OnLifeCycleEvent;
        Host.Start();
    }

    public IWorkflowHost Host { get; }

    public IPersistenceProvider Persistence => _services.GetRequiredService<IPersistenceProvider>();

    /// <summary>Arms the completion counter for the next burst of <paramref name="expected"/> instances.</summary>
    public Task ExpectCompletions(int expected)
    {
        _completed.Clear();
        _expected = expected;
        _allCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return _allCompleted.Task;
    }

    private void OnLifeCycleEvent(LifeCycleEvent evt)
    {
        if (evt is WorkflowCompleted && _completed.TryAdd(evt.WorkflowInstanceId, true) && _completed.Count == _expected)
            _allCompleted.TrySetResult();
    }

    public void Dispose()
    {
        Host.Stop();
        _services.Dispose();
    }

    public sealed class RoundTripData
    {
        public string Key { get; set; } = "";
    }

    private sealed class RoundTripWorkflow : IWorkflow<RoundTripData>
    {
        public string Id => EventRoundTrip.DefinitionId;

        public int Version => 1;

        public void Build(IWorkflowBuilder<RoundTripData> builder) => builder
            .StartWith(_ => ExecutionResult.Next())
            .WaitFor(EventRoundTrip.EventName, data => data.Key)
            .Then(_ => ExecutionResult.Next());
    }
}
