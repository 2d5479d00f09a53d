using System.Globalization;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using FocWorkflows.Server.Tests.Integrations.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Persistence.PostgreSql;

/// <summary>
/// Two servers ("processes": two apps with their own engines and workers) on one PostgreSQL database
/// and one clock, taking due timers and outbox messages at the same moment.
/// </summary>
public sealed class TwoProcessesTests
{
    private const int Count = 50;

    private static Flow DelayThenLog(string id) => Define(id).Start()
        .Node("wait", ControlActivityTypes.Delay, new { duration = "PT72H" })
        .Node("after", ControlActivityTypes.Log, new { message = "silence expired" })
        .Chain("start", "wait", "after");

    [Fact]
    public async Task DueTimers_FiredByTwoProcessesAtOnce_AreEachFiredOnceByOneOfThem()
    {
        var database = PostgresServer.NewDatabase();
        var clock = new FakeTimeProvider(TestApp.Epoch);
        using var first = new TestApp(clock: clock, postgresConnectionString: database);
        await first.PublishAsync(DelayThenLog("silence").Build());
        var instances = new List<string>();
        for (var i = 0; i < Count; i++) instances.Add((await first.StartAsync("silence")).Id);
        using var second = new TestApp(clock: clock, postgresConnectionString: database);
        _ = second.Services;
        clock.Advance(TimeSpan.FromHours(72));

        var fired = await Task.WhenAll(Task.Run(() => FireUntilNoneAsync(first)), Task.Run(() => FireUntilNoneAsync(second)));

        Assert.Equal(Count, fired.Sum());
        foreach (var id in instances)
        {
            var journal = await first.JournalAsync(id);
            Assert.Single(journal, j => j.Event == JournalEvents.Resumed && j.NodeId == "wait");
            Assert.DoesNotContain(journal, j => j.Event == JournalEvents.Faulted);
            Assert.Equal(InstanceStatus.Finished, (await first.InstanceAsync(id)).Status);
        }
        // Neither ran a burst for a timer the other had taken: no commit lost a race for its instance.
        Assert.Equal(0, first.CommitFailures.Count + second.CommitFailures.Count);
    }

    [Fact]
    public async Task DueTimers_OfAProcessThatStoppedAfterClaimingThem_FireElsewhereOnceTheClaimExpires()
    {
        var database = PostgresServer.NewDatabase();
        var clock = new FakeTimeProvider(TestApp.Epoch);
        string instanceId;
        using var survivor = new TestApp(clock: clock, postgresConnectionString: database);
        using (var crashed = new TestApp(clock: clock, postgresConnectionString: database))
        {
            await crashed.PublishAsync(DelayThenLog("claimed").Build());
            instanceId = (await crashed.StartAsync("claimed")).Id;
            clock.Advance(TimeSpan.FromHours(72));
            var store = crashed.Services.GetRequiredService<IWorkflowStore>();
            Assert.Single(await store.ClaimDueTimersAsync(clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(2), 200, CancellationToken.None));
        } // it stops before firing what it claimed

        Assert.Equal(0, await survivor.Runtime.FireDueTimersAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await survivor.Runtime.FireDueTimersAsync(CancellationToken.None));
        Assert.Equal(InstanceStatus.Finished, (await survivor.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task DueOutboxMessages_DispatchedByTwoProcessesAtOnce_AreEachSentOnce()
    {
        using var graph = new GraphFake(messagesPerMinute: 2 * Count, postgresConnectionString: PostgresServer.NewDatabase());
        graph.SendMailAnswers((202, null));
        var ids = new List<string>();
        for (var i = 0; i < Count; i++) ids.Add(await graph.EnqueueAsync("mail", GraphFake.Mail(subject: $"Message {i}")));
        var other = graph.AnotherProcess().Services.GetRequiredService<OutboxDispatcher>();

        var delivered = await Task.WhenAll(
            Task.Run(() => graph.Dispatcher.DispatchDueAsync(CancellationToken.None)),
            Task.Run(() => other.DispatchDueAsync(CancellationToken.None)));

        Assert.Equal(Count, delivered.Sum());
        var subjects = graph.Requests($"/v1.0/users/{GraphFake.Sender}/sendMail")
            .Select(r => GraphFake.BodyOf(r)["message"]!["subject"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"Message {i}").Order(), subjects);
        var messages = await graph.App.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var attempts = await graph.App.QueryAsync(db => db.Set<OutboxAttempt>().AsNoTracking().ToListAsync());
        Assert.Equal(ids.Order(), attempts.Select(a => a.MessageId).Order());
    }

    [Fact]
    public async Task OneEventsChanges_DispatchedByTwoProcessesAtOnce_ReachTheCalendarInOrder_OldOnesNever()
    {
        using var graph = new GraphFake(messagesPerMinute: 10_000, postgresConnectionString: PostgresServer.NewDatabase());
        graph.EventLatency = TimeSpan.FromMilliseconds(20); // long enough for the two processes to overlap
        var random = new Random(5);
        var first = DateTimeOffset.Parse("2026-12-01T17:00:00Z", CultureInfo.InvariantCulture);
        await graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("create", first.ToString("o")));
        var other = graph.AnotherProcess().Services.GetRequiredService<OutboxDispatcher>();
        var last = first;

        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                last = last.AddHours(1);
                await graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("update", last.ToString("o")));
            }
            graph.PatchAnswers([.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => (503, (string?)"30"))]);
            await Task.WhenAll(
                Task.Run(() => graph.Dispatcher.DispatchDueAsync(CancellationToken.None)),
                Task.Run(() => other.DispatchDueAsync(CancellationToken.None)));
            graph.App.Clock.Advance(TimeSpan.FromSeconds(random.Next(0, 60)));
        }
        for (var i = 0; i < 20 && await graph.App.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending)) > 0; i++)
        {
            graph.App.Clock.Advance(TimeSpan.FromMinutes(10));
            await Task.WhenAll(
                Task.Run(() => graph.Dispatcher.DispatchDueAsync(CancellationToken.None)),
                Task.Run(() => other.DispatchDueAsync(CancellationToken.None)));
        }

        Assert.Equal(last, graph.Calendar.End);
        Assert.Equal(graph.Calendar.Ends.Order(), graph.Calendar.Ends);
        Assert.Equal(graph.Calendar.Ends.Count, graph.Calendar.Ends.Distinct().Count()); // no change delivered twice
        var messages = await graph.App.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.All(messages, m => Assert.Contains(m.Status, new[] { OutboxStatus.Sent, OutboxStatus.Superseded }));
        Assert.Contains(messages, m => m.Status == OutboxStatus.Superseded);
    }

    [Fact]
    public async Task A429MetByOneProcess_PausesTheMailboxForTheOther()
    {
        using var graph = new GraphFake(postgresConnectionString: PostgresServer.NewDatabase());
        graph.SendMailAnswers((429, "120"), (202, null));
        await graph.EnqueueAsync("mail", GraphFake.Mail(subject: "First"));
        var other = graph.AnotherProcess().Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(0, await graph.DispatchAsync());
        await graph.EnqueueAsync("mail", GraphFake.Mail(subject: "Second"));
        Assert.Equal(0, await other.DispatchDueAsync(CancellationToken.None));
        Assert.Single(graph.Requests("/sendMail"));

        graph.App.Clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(2, await other.DispatchDueAsync(CancellationToken.None));
    }

    private static async Task<int> FireUntilNoneAsync(TestApp app)
    {
        var total = 0;
        int fired;
        while ((fired = await app.Runtime.FireDueTimersAsync(CancellationToken.None)) > 0) total += fired;
        return total;
    }
}
