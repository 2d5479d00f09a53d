using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

/// <summary>
/// Bursts that wait while a commit is written go together in the next one (CommitPipeline). The store is held
/// on its first commit so the others queue behind it, which makes each batch's content known.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private const int Others = 8;
    private readonly List<TestApp> _apps = [];
    private HeldStore _store = null!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABatchWithOneConflictingBurst_CommitsTheOthers_AndTheConflictingOneIsRetried(bool onPostgres)
    {
        var (app, elsewhere) = TwoProcesses(onPostgres);
        var (others, contested) = await StartTalliesAsync(app);
        var (votes, held) = await QueueBehindAHeldCommitAsync(app, [.. others, contested], "from-this-process");
        // Another process commits the contested instance after this one loaded it, before this one's commit.
        Assert.Equal([contested.Id], await elsewhere.Runtime.PublishEventAsync("vote", contested.Key, new JsonObject { ["voter"] = "from-elsewhere" }, People.Chair, CancellationToken.None));

        _store.Release();
        await Task.WhenAll([.. votes, held]);

        Assert.All(votes, v => Assert.Single(v.Result));
        var batches = _store.Batches.Where(b => b.Contains(contested.Id)).ToList();
        Assert.Equal(2, batches.Count); // refused in the batch, committed when retried
        Assert.Equal(Others + 1, batches[0].Length);
        Assert.True(app.CommitFailures.Count >= 1, "the contested burst failed its stamp check");
        foreach (var other in others) Assert.Equal(["from-this-process"], await VotesAsync(app, other.Id));
        // Retried on top of the other process's commit: both votes, each once, in commit order.
        Assert.Equal(["from-elsewhere", "from-this-process"], await VotesAsync(app, contested.Id));
        await AssertJournalChainedAsync(app, contested.Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACrashInTheMiddleOfABatch_LosesTheWholeBatch_AndAcknowledgesNoneOfIt(bool onPostgres)
    {
        var app = OneProcess(onPostgres);
        var (others, contested) = await StartTalliesAsync(app);
        Tally[] all = [.. others, contested];
        var ids = all.Select(t => t.Id).ToArray();
        var before = await RowsAsync(app, ids);
        // The batch's statements all run; its commit fails, as when the process dies before the flush.
        _store.BeforeBatch = batch => { if (batch.Count > 1) app.Faults.FailOnCommit(); };
        var (votes, held) = await QueueBehindAHeldCommitAsync(app, all, "lost");

        _store.Release();
        await held;
        foreach (var vote in votes) await Assert.ThrowsAnyAsync<Exception>(() => vote);

        Assert.Equal(Others + 1, _store.Batches[^1].Length);
        Assert.True(app.Faults.CommandsWhileArmed > Others, "every burst of the batch was written before the commit failed");
        Assert.Equal(before, await RowsAsync(app, ids));
        app.Faults.Disarm();
        _store.BeforeBatch = null;
        foreach (var tally in all)
        {
            Assert.Equal([tally.Id], await app.Runtime.PublishEventAsync("vote", tally.Key, new JsonObject { ["voter"] = "again" }, People.Chair, CancellationToken.None));
            Assert.Equal(["again"], await VotesAsync(app, tally.Id));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABurstFailingAfterItsFirstStatement_AmongOthers_IsRefusedAlone_AndWrittenOnce(bool onPostgres)
    {
        var app = OneProcess(onPostgres);
        var (others, contested) = await StartTalliesAsync(app);
        var before = await RowsAsync(app, [contested.Id]);
        // The contested burst's journal row fails after its instance row was written, with no savepoint around it.
        app.Faults.FailOnCommand(c => c.CommandText.Contains("INSERT INTO \"JournalBursts\"", StringComparison.Ordinal)
            && Equals(c.Parameters["p0"].Value, contested.Id));
        var (votes, held) = await QueueBehindAHeldCommitAsync(app, [.. others, contested], "voter");

        _store.Release();
        await held;
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => votes[^1]);
        foreach (var vote in votes[..^1]) Assert.Single(await vote);

        Assert.Equal(1, app.Faults.Fired); // its statements ran once: the batch was written again without it
        Assert.Equal(Others + 1, _store.Batches.Single(b => b.Contains(contested.Id)).Length);
        foreach (var other in others) Assert.Equal(["voter"], await VotesAsync(app, other.Id));
        Assert.Equal(before, await RowsAsync(app, [contested.Id]));
        app.Faults.Disarm();
        Assert.Single(await app.Runtime.PublishEventAsync("vote", contested.Key, new JsonObject { ["voter"] = "again" }, People.Chair, CancellationToken.None));
        Assert.Equal(["again"], await VotesAsync(app, contested.Id));
        await AssertJournalChainedAsync(app, contested.Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoResumesOfOneInstance_AmongOtherBursts_ApplyInTheOrderTheyCame_InSeparateCommits(bool onPostgres)
    {
        var app = OneProcess(onPostgres);
        var (others, contested) = await StartTalliesAsync(app);
        var (votes, held) = await QueueBehindAHeldCommitAsync(app, [.. others, contested], "first");
        // The second vote waits for the instance until the first is durable, so it is loaded from it.
        var second = Task.Run(() => app.Runtime.PublishEventAsync("vote", contested.Key, new JsonObject { ["voter"] = "second" }, People.Chair, CancellationToken.None));

        _store.Release();
        await Task.WhenAll([.. votes, second, held]);

        Assert.Equal(["first", "second"], await VotesAsync(app, contested.Id));
        var withContested = _store.Batches.Where(b => b.Contains(contested.Id)).ToList();
        Assert.Equal(2, withContested.Count);
        Assert.Equal(Others + 1, withContested[0].Length);
        Assert.All(withContested, b => Assert.Single(b, id => id == contested.Id));
        Assert.Equal(0, app.CommitFailures.Count);
        await AssertJournalChainedAsync(app, contested.Id);
    }

    /// <summary>
    /// Holds the store's next commit with one burst of a fresh instance in it, then sends a vote to the instance of
    /// each of <paramref name="tallies"/> and waits until all their bursts are queued behind it.
    /// </summary>
    private async Task<(List<Task<IReadOnlyList<string>>> Votes, Task Held)> QueueBehindAHeldCommitAsync(TestApp app, IReadOnlyList<Tally> tallies, string voter)
    {
        var pipeline = app.Services.GetRequiredService<CommitPipeline>();
        lock (_store.Batches) _store.Batches.Clear(); // from here on: the held commit and what follows it
        _store.HoldNextCommit();
        var held = Task.Run(() => app.StartAsync("tally", new JsonObject { ["key"] = "held" }));
        await TestApp.EventuallyAsync(() => Task.FromResult(_store.IsHolding), "the first commit is held");
        var votes = tallies.Select(t => Task.Run(() =>
            app.Runtime.PublishEventAsync("vote", t.Key, new JsonObject { ["voter"] = voter }, People.Chair, CancellationToken.None))).ToList();
        await TestApp.EventuallyAsync(() => Task.FromResult(pipeline.Queued == tallies.Count), $"{tallies.Count} bursts are queued");
        return (votes, held);
    }

    /// <summary>An instance counting votes, and the correlation key its votes carry.</summary>
    private sealed record Tally(string Id, string Key);

    private static async Task<(List<Tally> Others, Tally Contested)> StartTalliesAsync(TestApp app)
    {
        // Each vote adds its voter to a tally, then the instance waits for the next one (keyed by its input).
        await app.PublishAsync(Define("tally").Input("key").Variable("votes", new JsonArray()).Start()
            .Node("wait", ControlActivityTypes.WaitForEvent, new { eventName = "vote", correlationKey = Js("input.key") })
            .Node("count", ControlActivityTypes.SetVariable, new { variable = "votes", value = Js("vars.votes.concat([outputs.wait.voter])") })
            .Chain("start", "wait", "count", "wait").Build());
        var tallies = new List<Tally>();
        for (var i = 0; i <= Others; i++)
        {
            var key = $"round-{i}";
            tallies.Add(new Tally((await app.StartAsync("tally", new JsonObject { ["key"] = key })).Id, key));
        }
        return (tallies[..Others], tallies[Others]);
    }

    private static async Task<string[]> VotesAsync(TestApp app, string id) =>
        [.. (await app.StateAsync(id)).Variables["votes"]!.AsArray().Select(v => v!.GetValue<string>())];

    private static async Task AssertJournalChainedAsync(TestApp app, string id)
    {
        var journal = await app.JournalAsync(id);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        Assert.Null(JournalWriter.Verify(journal));
    }

    /// <summary>Everything a burst of these instances can write, as one comparable string.</summary>
    private static Task<string> RowsAsync(TestApp app, string[] ids) => app.QueryAsync(async db =>
    {
        var instances = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id)
            .Select(i => i.Id + i.Stamp + i.JournalSequence + i.StateJson).ToListAsync();
        var journal = await db.JournalBursts.Where(j => ids.Contains(j.InstanceId)).SumAsync(j => j.LastSequence - j.FirstSequence + 1);
        var bookmarks = await db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        return $"{string.Join(",", instances)}|{journal}|{string.Join(",", bookmarks)}";
    });

    private TestApp OneProcess(bool onPostgres)
    {
        var app = onPostgres
            ? new TestApp(postgresConnectionString: PostgresServer.NewDatabase(), services: s => HeldStore.Install(s, store => _store = store))
            : new TestApp(services: s => HeldStore.Install(s, store => _store = store));
        _apps.Add(app);
        _ = app.Services;
        return app;
    }

    /// <summary>Two servers on one database: the first with its store held, the second as it ships.</summary>
    private (TestApp App, TestApp Elsewhere) TwoProcesses(bool onPostgres)
    {
        var database = onPostgres ? PostgresServer.NewDatabase() : null;
        var app = new TestApp(postgresConnectionString: database, services: s => HeldStore.Install(s, store => _store = store));
        _apps.Add(app);
        _ = app.Services;
        var elsewhere = new TestApp(dataFolder: onPostgres ? null : app.DataFolder, clock: app.Clock, postgresConnectionString: database);
        _apps.Add(elsewhere);
        _ = elsewhere.Services;
        return (app, elsewhere);
    }

    public void Dispose()
    {
        _store?.Release(); // a test that failed while holding a commit must not keep the server from stopping
        foreach (var app in Enumerable.Reverse(_apps)) app.Dispose();
    }
}
