namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Tells watchers in this process that a burst of an instance committed: a start, a resume, a timer,
/// an event, a cancel, a retry or an incident. The runtime calls it after the transaction, never
/// inside it, so a watcher never sees a change that could still roll back. Watchers are called on
/// the engine's thread and must return at once (the Designer's only queue a wake-up): a slow or
/// closed page must never hold up a burst. Other processes sharing the database do not call it.
/// </summary>
public sealed class InstanceChangeNotifier(ILogger<InstanceChangeNotifier> log)
{
    private readonly Dictionary<string, List<Action<long>>> _watchers = [];

    /// <summary>Calls <paramref name="committed"/> with the instance's new stamp after each of its commits, until disposed.</summary>
    public IDisposable Subscribe(string instanceId, Action<long> committed)
    {
        lock (_watchers)
        {
            if (!_watchers.TryGetValue(instanceId, out var list)) _watchers[instanceId] = list = [];
            list.Add(committed);
        }
        return new Subscription(this, instanceId, committed);
    }

    /// <summary>An instance's burst committed with this stamp.</summary>
    public void Committed(string instanceId, long stamp)
    {
        Action<long>[] watchers;
        lock (_watchers)
        {
            if (!_watchers.TryGetValue(instanceId, out var list)) return;
            watchers = [.. list];
        }
        foreach (var watcher in watchers)
        {
            try
            {
                watcher(stamp);
            }
            catch (Exception e)
            {
                // The burst is committed: a watcher's failure must not turn it into an error for its caller.
                log.LogWarning(e, "A watcher of instance {InstanceId} failed on its change.", instanceId);
            }
        }
    }

    private void Unsubscribe(string instanceId, Action<long> committed)
    {
        lock (_watchers)
        {
            if (!_watchers.TryGetValue(instanceId, out var list)) return;
            list.Remove(committed);
            if (list.Count == 0) _watchers.Remove(instanceId);
        }
    }

    private sealed class Subscription(InstanceChangeNotifier owner, string instanceId, Action<long> committed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(instanceId, committed);
        }
    }
}
