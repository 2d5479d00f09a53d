using System.Threading.Channels;

namespace FocWorkflows.Server.Designer;

/// <summary>
/// One page's watch of one instance. Two sources wake it: this process's engine after each commit
/// (<see cref="Engine.Running.InstanceChangeNotifier"/>), and a look at the stored stamp every
/// <c>recheck</c>, because another server process sharing the PostgreSQL database commits without
/// telling this one. Wake-ups go into a one-slot channel that keeps the newest, so the engine only
/// ever queues and never waits; a single loop reads it and calls the page, so calls never overlap
/// and a slow page delays only itself.
/// </summary>
internal sealed class InstanceWatch : IDisposable
{
    private const long LookAtStoredStamp = -1;

    private readonly Channel<long> _wakeUps = Channel.CreateBounded<long>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly string _instanceId;
    private readonly Func<string, CancellationToken, Task<long?>> _storedStamp;
    private readonly Func<long, Task> _changed;
    private readonly ILogger _log;
    private readonly IDisposable _subscription;
    private readonly ITimer _recheck;
    private long _seen;

    public InstanceWatch(string instanceId, long seenStamp, Func<long, Task> changed, Engine.Running.InstanceChangeNotifier notifier,
        Func<string, CancellationToken, Task<long?>> storedStamp, TimeProvider time, TimeSpan recheck, ILogger log)
    {
        _instanceId = instanceId;
        _seen = seenStamp;
        _changed = changed;
        _storedStamp = storedStamp;
        _log = log;
        _subscription = notifier.Subscribe(instanceId, stamp => _wakeUps.Writer.TryWrite(stamp));
        _recheck = time.CreateTimer(_ => _wakeUps.Writer.TryWrite(LookAtStoredStamp), null, recheck, recheck);
        _ = Task.Run(() => ListenAsync(_stop.Token));
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var wakeUp in _wakeUps.Reader.ReadAllAsync(ct))
            {
                try
                {
                    // Stamps only grow, so the newest wake-up covers every one it replaced in the slot.
                    var stamp = wakeUp == LookAtStoredStamp ? await _storedStamp(_instanceId, ct) : wakeUp;
                    if (stamp is not { } newer || newer <= _seen) continue;
                    _seen = newer;
                    await _changed(newer);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // A failed look or page update is retried by the next wake-up; the watch lives on.
                    _log.LogWarning(e, "Following instance {InstanceId} failed once; waiting for its next change.", _instanceId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disposed: the page went away.
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _recheck.Dispose();
        _wakeUps.Writer.TryComplete();
        _stop.Cancel();
    }
}
