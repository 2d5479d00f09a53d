using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// Counts failed SaveChanges calls: e.g. a burst that lost a race for its instance to another process
/// (its stamp or journal sequence was taken) and had to run again.
/// </summary>
public sealed class CommitFailures : SaveChangesInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Interlocked.Increment(ref _count);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}
