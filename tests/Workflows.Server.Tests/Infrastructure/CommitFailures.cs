using System.Data.Common;
using FocWorkflows.Server.Persistence.HotPath;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// Counts failed SaveChanges calls and bursts refused by the engine's store: e.g. a burst that lost a race for its instance to another process
/// (its stamp or journal sequence was taken) and had to run again.
/// </summary>
public sealed class CommitFailures : SaveChangesInterceptor, IHotPathObserver
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    void IHotPathObserver.Executing(DbCommand command)
    {
    }

    void IHotPathObserver.Committing()
    {
    }

    // The engine's bursts are written with plain statements: a refused one is reported here.
    void IHotPathObserver.Refused(Exception why) => Interlocked.Increment(ref _count);

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Interlocked.Increment(ref _count);
        base.SaveChangesFailed(eventData);
    }

    // EF reports a stamp that no longer matches apart from other failures, without SaveChangesFailed.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Interlocked.Increment(ref _count);
        return base.ThrowingConcurrencyException(eventData, result);
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ThrowingConcurrencyExceptionAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}
