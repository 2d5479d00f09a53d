using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Designer;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The instance page's feed: this process's commits at once, another process's at the next recheck.</summary>
public sealed class InstanceChangesPortTests : IDisposable
{
    // A safety net for a broken feed, never a timing assumption: each change below wakes the watch at once.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestApp _app = new();
    private readonly TaskCompletionSource<long> _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _app.Dispose();

    private IDisposable Watch(string instanceId, long seenStamp) =>
        _app.Services.GetRequiredService<IInstanceChanges>().Watch(instanceId, seenStamp, stamp =>
        {
            _changed.TrySetResult(stamp);
            return Task.CompletedTask;
        });

    private Task PublishWaitAsync() => _app.PublishAsync(Define("wait").Start()
        .Node("wait", ControlActivityTypes.WaitForEvent, new { eventName = "go" })
        .Node("review", ControlActivityTypes.HumanTask, new { title = "Review", assignees = new[] { People.Chair } })
        .Chain("start", "wait", "review").Build());

    [Fact]
    public async Task Watch_ACommitInThisProcess_CallsThePageWithTheNewStamp()
    {
        await PublishWaitAsync();
        var instance = await _app.StartAsync("wait");
        using var _ = Watch(instance.Id, instance.Stamp);

        await _app.Runtime.PublishEventAsync("go", null, null, People.Secretariat, CancellationToken.None);

        Assert.Equal(instance.Stamp + 1, await _changed.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task Watch_ACommitByAnotherProcessOnTheSameDatabase_IsSeenAtTheNextRecheck()
    {
        await PublishWaitAsync();
        var instance = await _app.StartAsync("wait");
        using var _ = Watch(instance.Id, instance.Stamp);
        using var otherProcess = new TestApp(_app.DataFolder);

        await otherProcess.Runtime.PublishEventAsync("go", null, null, People.Secretariat, CancellationToken.None);
        Assert.False(_changed.Task.IsCompleted, "nothing in this process heard of the other's commit yet");
        _app.Clock.Advance(InstanceChangesPort.Recheck);

        Assert.Equal(instance.Stamp + 1, await _changed.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task Watch_FromAStampAlreadyBehind_IsToldAtTheNextRecheck()
    {
        // The page read the instance, then a commit landed before it started watching.
        await PublishWaitAsync();
        var instance = await _app.StartAsync("wait");
        await _app.Runtime.PublishEventAsync("go", null, null, People.Secretariat, CancellationToken.None);
        using var _ = Watch(instance.Id, instance.Stamp);

        _app.Clock.Advance(InstanceChangesPort.Recheck);

        Assert.Equal(instance.Stamp + 1, await _changed.Task.WaitAsync(Patience));
    }
}
