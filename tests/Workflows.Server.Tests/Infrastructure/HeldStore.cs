using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// The server's own store, with a hand on its commits: a test can hold the next commit while bursts queue
/// behind it (so they go together in the one after), see each commit's bursts, and act just before one.
/// </summary>
public sealed class HeldStore(IWorkflowStore inner) : IWorkflowStore
{
    private TaskCompletionSource? _held; // taken by the next commit
    private TaskCompletionSource? _release;
    private volatile bool _holding;

    /// <summary>Whether a commit is waiting for <see cref="Release"/> now.</summary>
    public bool IsHolding => _holding;

    /// <summary>The instance ids of each commit's bursts, in the order the commits were made.</summary>
    public List<string[]> Batches { get; } = [];

    /// <summary>Runs just before a batch goes to the database (e.g. to arm a fault for it).</summary>
    public Action<IReadOnlyList<PendingCommit>>? BeforeBatch { get; set; }

    /// <summary>The next commit waits until <see cref="Release"/>.</summary>
    public void HoldNextCommit() => _held = _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release?.TrySetResult();

    /// <summary>Replaces the server's store by this one, around it.</summary>
    public static void Install(IServiceCollection services, Action<HeldStore> created)
    {
        var original = services.Single(d => d.ServiceType == typeof(IWorkflowStore));
        services.RemoveAll<IWorkflowStore>();
        services.AddSingleton<IWorkflowStore>(sp =>
        {
            var store = new HeldStore((IWorkflowStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            created(store);
            return store;
        });
    }

    public async Task<IReadOnlyList<Exception?>> CommitBatchAsync(IReadOnlyList<PendingCommit> commits, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _held, null) is { } held)
        {
            _holding = true;
            await held.Task;
            _holding = false;
        }
        lock (Batches) Batches.Add([.. commits.Select(c => c.Burst.Instance.Id)]);
        BeforeBatch?.Invoke(commits);
        return await inner.CommitBatchAsync(commits, ct);
    }

    public Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken ct) => inner.LoadAsync(instanceId, ct);

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string key, CancellationToken ct) => inner.FindBookmarksAsync(kind, key, ct);

    public Task<IReadOnlyList<Bookmark>> ClaimDueTimersAsync(DateTimeOffset now, DateTimeOffset claimUntil, int max, CancellationToken ct) =>
        inner.ClaimDueTimersAsync(now, claimUntil, max, ct);

    public Task ReleaseTimerClaimsAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken ct) => inner.ReleaseTimerClaimsAsync(bookmarkIds, ct);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken ct) => inner.FindIdempotencyAsync(scope, key, ct);

    public Task<IReadOnlyList<IdempotencyRecord>> FindIdempotencyScopeAsync(string scope, CancellationToken ct) => inner.FindIdempotencyScopeAsync(scope, ct);
}
