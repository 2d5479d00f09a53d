using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>A burst ready to commit, and the stamp its instance had when it was loaded (null for a new instance).</summary>
public sealed record PendingCommit(Burst Burst, long? LoadedStamp);

/// <summary>
/// Group commit: every burst of this process (API calls, events, timers) queues here, and one writer
/// commits all those waiting in ONE transaction, so they share one flush to disk. A durable commit costs
/// the same for one burst or a hundred, which is what lets throughput grow with callers when the
/// database has one writer (SQLite) or flushes per commit (both).
/// <para>
/// Each caller is answered only when the transaction that holds its burst is durable. A burst that
/// fails on its own (a stamp conflict, a duplicate idempotency key, a constraint) is rolled back alone
/// (the store saves each burst behind a savepoint) and its caller gets that failure, to retry or answer
/// as without batching; the others commit. If the transaction itself fails (a crash, a full disk), no
/// burst of the batch is answered with success: the whole batch is lost, as one burst would be.
/// </para>
/// Two bursts of one instance never share a batch: the runtime holds the instance's lock until its
/// burst is answered, so the next burst of that instance is loaded from what was committed.
/// </summary>
public sealed class CommitPipeline : IAsyncDisposable
{
    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IWorkflowStore _store;
    private readonly int _maxBatch;
    private readonly ILogger<CommitPipeline> _log;
    private readonly Task _writer;
    private int _queued;

    public CommitPipeline(IWorkflowStore store, IOptions<EngineOptions> options, ILogger<CommitPipeline> log)
    {
        _store = store;
        _maxBatch = options.Value.MaxBurstsPerCommit;
        _log = log;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Bursts queued for the next commit (not counting those being written now).</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>
    /// Commits the burst with whatever else is waiting; completes once it is durable, or throws what made it
    /// fail (<see cref="ConcurrencyConflictException"/>, <see cref="DuplicateIdempotencyKeyException"/>, or the
    /// transaction's own failure). Not cancellable once queued: a burst handed over is committed or failed.
    /// </summary>
    public Task CommitAsync(Burst burst, long? loadedStamp)
    {
        var waiting = new Waiting(new PendingCommit(burst, loadedStamp), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(waiting))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(CommitPipeline), "The engine is stopping: nothing more is committed.");
        }
        return waiting.Answer.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Waiting>(_maxBatch);
        var commits = new List<PendingCommit>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            commits.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                Interlocked.Decrement(ref _queued);
                batch.Add(next);
                commits.Add(next.Commit);
            }
            var started = Stopwatch.GetTimestamp();
            IReadOnlyList<Exception?> outcomes;
            try
            {
                outcomes = await _store.CommitBatchAsync(commits, CancellationToken.None);
            }
            catch (Exception e)
            {
                _log.LogError(e, "A commit of {Count} bursts failed; none of them happened.", batch.Count);
                outcomes = [.. batch.Select(_ => e)];
            }
            Observability.EngineTelemetry.RecordCommitBatch(batch.Count, Stopwatch.GetElapsedTime(started));
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] is { } failure) batch[i].Answer.TrySetException(failure);
                else batch[i].Answer.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Bursts already queued are still committed (their callers wait for them); new ones are refused.
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Waiting(PendingCommit Commit, TaskCompletionSource Answer);
}
