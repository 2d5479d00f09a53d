using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence;

namespace FocWorkflows.Server.Designer;

/// <summary>The instance page's live feed: this process's commits at once, other processes' within <see cref="Recheck"/>.</summary>
internal sealed class InstanceChangesPort(InstanceChangeNotifier notifier, InstanceQueries queries, TimeProvider time, ILogger<InstanceChangesPort> log)
    : IInstanceChanges
{
    /// <summary>
    /// Several server processes may share one PostgreSQL database, and only the committing process is
    /// notified; a modest interval keeps a page within seconds of their changes at one small query each.
    /// </summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(15);

    public IDisposable Watch(string instanceId, long seenStamp, Func<long, Task> changed) =>
        new InstanceWatch(instanceId, seenStamp, changed, notifier, queries.StampAsync, time, Recheck, log);
}
