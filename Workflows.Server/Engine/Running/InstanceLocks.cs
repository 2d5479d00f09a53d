namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// One async lock per instance, so two resumes of the same instance in this process never
/// interleave. Across processes the instance's concurrency stamp makes the later commit retry.
/// </summary>
public sealed class InstanceLocks
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _locks = [];

    public async Task<IDisposable> AcquireAsync(string instanceId, CancellationToken ct)
    {
        SemaphoreSlim gate;
        lock (_locks)
        {
            var (existing, users) = _locks.GetValueOrDefault(instanceId);
            gate = existing ?? new SemaphoreSlim(1, 1);
            _locks[instanceId] = (gate, users + 1);
        }
        try
        {
            await gate.WaitAsync(ct);
        }
        catch
        {
            Leave(instanceId);
            throw;
        }
        return new Releaser(this, instanceId, gate);
    }

    private void Leave(string instanceId)
    {
        lock (_locks)
        {
            var (gate, users) = _locks[instanceId];
            if (users == 1) _locks.Remove(instanceId);
            else _locks[instanceId] = (gate, users - 1);
        }
    }

    private sealed class Releaser(InstanceLocks owner, string instanceId, SemaphoreSlim gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            gate.Release();
            owner.Leave(instanceId);
        }
    }
}
