using FocWorkflows.Designer.Ports;

namespace FocWorkflows.Designer.Tests.Pages.Instances;

/// <summary>The change feed as a page sees it: who watches from which stamp, and a way to announce a change.</summary>
internal sealed class FakeInstanceChanges : IInstanceChanges
{
    private readonly List<(string InstanceId, Func<long, Task> Changed)> _watches = [];

    public long? WatchedFrom { get; private set; }

    public int Open => _watches.Count;

    public IDisposable Watch(string instanceId, long seenStamp, Func<long, Task> changed)
    {
        var watch = (instanceId, changed);
        _watches.Add(watch);
        WatchedFrom = seenStamp;
        return new Unwatch(() => _watches.Remove(watch));
    }

    /// <summary>Tells every watcher of the instance that it changed, as the server does after a commit.</summary>
    public Task ChangedAsync(string instanceId, long stamp) =>
        Task.WhenAll(_watches.Where(w => w.InstanceId == instanceId).ToList().Select(w => w.Changed(stamp)));

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
