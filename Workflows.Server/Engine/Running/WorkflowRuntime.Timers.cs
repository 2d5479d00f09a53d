using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Running;

// Firing due timers: the timer worker's pass, also called by hand in tests.
public sealed partial class WorkflowRuntime
{
    /// <summary>How many due timers one batch claims.</summary>
    public const int TimerBatchSize = 200;

    // A pass claims batch after batch while whole ones come back (a backlog after downtime drains at once), but no
    // more than this many: a timer whose fire leaves it due (a step that reschedules it into the past) cannot keep
    // a pass spinning; the rest waits for the next pass.
    private const int MaxTimerBatchesPerPass = 50;

    /// <summary>
    /// Fires every timer due by now, oldest first, and returns how many this process fired. Only timers of
    /// running or waiting instances are due: a faulted instance keeps its timers for a retry, outside the due
    /// queue until then. Timers are claimed for <c>Engine:TimerClaimTimeout</c> first, so processes sharing a
    /// PostgreSQL database never both fire one; each fire still runs under the instance's lock and stamp, like
    /// any resume. A timer whose fire fails is logged and keeps its claim: the pass goes on with the others, and
    /// that timer is tried again once its claim expires, not at every pass.
    /// </summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct)
    {
        var fired = 0;
        for (var batch = 0; batch < MaxTimerBatchesPerPass; batch++)
        {
            var (claimed, firedInBatch) = await FireDueTimerBatchAsync(ct);
            fired += firedInBatch;
            if (claimed < TimerBatchSize) break;
        }
        return fired;
    }

    private async Task<(int Claimed, int Fired)> FireDueTimerBatchAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var timers = await store.ClaimDueTimersAsync(now, now + options.Value.TimerClaimTimeout, TimerBatchSize, ct);
        var fired = 0;
        var giveBack = new List<string>();
        var untried = timers.Select(t => t.Id).ToHashSet();
        try
        {
            // Instances fire side by side, so their bursts share commits (CommitPipeline); one instance's timers
            // fire one after the other, oldest first, as they fell due.
            var byInstance = timers.GroupBy(t => t.InstanceId).Select(g => g.ToList());
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.TimersFiredAtOnce, CancellationToken = ct };
            await Parallel.ForEachAsync(byInstance, parallel, async (instanceTimers, token) =>
            {
                foreach (var timer in instanceTimers)
                {
                    token.ThrowIfCancellationRequested();
                    lock (untried) untried.Remove(timer.Id);
                    try
                    {
                        if (await FireAsync(timer, token)) Interlocked.Increment(ref fired);
                        else lock (giveBack) giveBack.Add(timer.Id);
                    }
                    catch (Exception e) when (!token.IsCancellationRequested)
                    {
                        logger.LogError(e, "Firing timer {BookmarkId} of instance {InstanceId} failed; it is tried again in {ClaimTimeout}.",
                            timer.Id, timer.InstanceId, options.Value.TimerClaimTimeout);
                    }
                }
            });
        }
        finally
        {
            // Given back for the next pass: timers that did not fire because their instance moved on (it faulted, or the
            // timer was moved or closed meanwhile), so a retried instance's timer is due again at once, and, when the
            // pass is stopped, those not tried yet. A fired timer is gone or rescheduled (which clears its claim).
            giveBack.AddRange(untried);
            if (giveBack.Count > 0) await ReleaseQuietlyAsync(giveBack);
            Observability.EngineTelemetry.TimersFired(fired);
        }
        return (timers.Count, fired);
    }

    private async Task<bool> FireAsync(Bookmark timer, CancellationToken ct)
    {
        var resumed = false;
        await RunBurstAsync(BurstKinds.Timer, timer.InstanceId, SystemActor, null, async burst =>
        {
            resumed = false; // a retry after a concurrent commit decides afresh
            // Re-read under the lock: the timer may have fired, or been moved later, since it was claimed.
            var bookmark = burst.OpenBookmarks.FirstOrDefault(b => b.Id == timer.Id);
            if (bookmark is not { DueAt: { } dueAt } || dueAt > burst.Now || !IsActive(burst)) return;
            await interpreter.ResumeAsync(burst, bookmark, new JsonObject { ["dueAt"] = dueAt, ["firedAt"] = burst.Now }, ct, byTimer: true);
            resumed = true;
        }, ct);
        return resumed;
    }

    private async Task ReleaseQuietlyAsync(List<string> bookmarkIds)
    {
        try
        {
            await store.ReleaseTimerClaimsAsync(bookmarkIds, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The database is failing: the claims expire on their own.
            logger.LogWarning(e, "Giving back {Count} timer claims failed; they are taken again when their claims expire.", bookmarkIds.Count);
        }
    }
}
