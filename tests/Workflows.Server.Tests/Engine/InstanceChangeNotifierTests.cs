using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

/// <summary>The engine announces an instance's change only once its burst is committed, and never one that rolled back.</summary>
public sealed class InstanceChangeNotifierTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly List<(long Announced, long Stored, InstanceStatus Status)> _heard = [];

    public void Dispose() => _app.Dispose();

    private InstanceChangeNotifier Notifier => _app.Services.GetRequiredService<InstanceChangeNotifier>();

    /// <summary>Records each announcement with what a separate reader of the database sees at that moment.</summary>
    private IDisposable Listen(string instanceId) => Notifier.Subscribe(instanceId, stamp =>
    {
        // Another connection, as the page's reload will be: it can only see what is committed.
        var stored = Task.Run(() => _app.InstanceAsync(instanceId)).GetAwaiter().GetResult();
        _heard.Add((stamp, stored.Stamp, stored.Status));
    });

    private Task PublishWaitThenTaskAsync() => _app.PublishAsync(Define("wait-then-task").Start()
        .Node("wait", ControlActivityTypes.WaitForEvent, new { eventName = "go" })
        .Node("review", ControlActivityTypes.HumanTask, new { title = "Review", assignees = new[] { People.Chair } })
        .Chain("start", "wait", "review").Build());

    [Fact]
    public async Task Resume_AfterItsCommit_AnnouncesTheNewStampAlreadyStored()
    {
        await PublishWaitThenTaskAsync();
        var instance = await _app.StartAsync("wait-then-task");
        using var _ = Listen(instance.Id);

        await _app.Runtime.PublishEventAsync("go", null, null, People.Secretariat, CancellationToken.None);

        var heard = Assert.Single(_heard);
        Assert.Equal(instance.Stamp + 1, heard.Announced);
        Assert.Equal(heard.Announced, heard.Stored);
        Assert.Single(await _app.TasksAsync(instance.Id));
    }

    [Fact]
    public async Task Cancel_AfterItsCommit_AnnouncesTheCancelledInstance()
    {
        await PublishWaitThenTaskAsync();
        var instance = await _app.StartAsync("wait-then-task");
        using var _ = Listen(instance.Id);

        await _app.Runtime.CancelAsync(instance.Id, "Superseded", People.Chair, CancellationToken.None);

        var heard = Assert.Single(_heard);
        Assert.Equal(heard.Announced, heard.Stored);
        Assert.Equal(InstanceStatus.Cancelled, heard.Status);
    }

    [Fact]
    public async Task Retry_AfterItsCommit_AnnouncesTheRetriedInstance()
    {
        await _app.PublishAsync(Define("breaks").Variable("x").Start()
            .Node("broken", ControlActivityTypes.SetVariable, new { variable = "x", value = Js("throw new Error('broken')") })
            .Chain("start", "broken").Build());
        var instance = await _app.StartAsync("breaks");
        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        using var _ = Listen(instance.Id);

        await _app.Runtime.RetryAsync(instance.Id, People.Secretariat, CancellationToken.None);

        var heard = Assert.Single(_heard);
        Assert.Equal(instance.Stamp + 1, heard.Stored);
        Assert.Equal(heard.Announced, heard.Stored);
        Assert.Contains(await _app.JournalAsync(instance.Id), j => j.Event == JournalEvents.Retried);
    }

    [Fact]
    public async Task Burst_ThatFailsToCommit_IsNotAnnounced()
    {
        await PublishWaitThenTaskAsync();
        var instance = await _app.StartAsync("wait-then-task");
        using var _ = Listen(instance.Id);

        _app.Faults.FailOnCommit();
        await Assert.ThrowsAnyAsync<Exception>(() =>
            _app.Runtime.PublishEventAsync("go", null, null, People.Secretariat, CancellationToken.None));

        Assert.Equal(1, _app.Faults.Fired);
        Assert.Empty(_heard);
        Assert.Equal(instance.Stamp, (await _app.InstanceAsync(instance.Id)).Stamp);
    }

    [Fact]
    public async Task Watcher_ThatThrows_DoesNotFailTheCommittedBurst_NorSilenceTheOthers()
    {
        await PublishWaitThenTaskAsync();
        var instance = await _app.StartAsync("wait-then-task");
        using var broken = Notifier.Subscribe(instance.Id, _ => throw new InvalidOperationException("a closed page"));
        using var _ = Listen(instance.Id);

        var resumed = await _app.Runtime.PublishEventAsync("go", null, new JsonObject(), People.Secretariat, CancellationToken.None);

        Assert.Equal([instance.Id], resumed);
        Assert.Single(_heard);
    }

    [Fact]
    public async Task Watcher_OfAnotherInstance_OrUnsubscribed_HearsNothing()
    {
        await PublishWaitThenTaskAsync();
        var first = await _app.StartAsync("wait-then-task");
        var second = await _app.StartAsync("wait-then-task");
        using (Listen(first.Id)) { }
        using var _ = Listen(second.Id);

        await _app.Runtime.CancelAsync(first.Id, "Superseded", People.Chair, CancellationToken.None);

        Assert.Empty(_heard);
    }
}
