using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api;

/// <summary>
/// The journal verifies from what the database holds, on any clock: a clock between milliseconds, the real clock,
/// a restart, and names the line edited behind the engine's back. Runs on SQLite here and on PostgreSQL in its twin
/// (Persistence/PostgreSql/PostgresSuites.cs).
/// </summary>
public class JournalApiTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "focwf-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _database;
    private readonly FakeTimeProvider _clock = new(TestApp.Epoch);
    private readonly Random _random = new(20261127);
    private TestApp _app;

    public JournalApiTests()
    {
        _database = OnPostgres ? PostgresServer.NewDatabase() : null;
        _app = Open();
    }

    protected virtual bool OnPostgres => false;

    /// <summary>The server on this test's database; a second one after the first is disposed is a restart.</summary>
    private TestApp Open() => new(_folder, _clock, postgresConnectionString: _database);

    public void Dispose()
    {
        _app.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static Definitions.Model.WorkflowDefinition Review() => Define("review").Start()
        .Node("review", ControlActivityTypes.HumanTask, new { title = "Review the charter", assignees = new[] { "role:secretariat" }, actions = new[] { "Approve" } })
        .Node("noted", ControlActivityTypes.Log, new { message = "approved" })
        .Chain("start", "review").Connect("review", "noted", "Approve").Build();

    /// <summary>Moves the clock on by less than a millisecond (at least a tick).</summary>
    private void TickBetweenMilliseconds() => _clock.Advance(TimeSpan.FromTicks(_random.Next(1, (int)TimeSpan.TicksPerMillisecond)));

    /// <summary>Starts a review through the API and completes its task, the clock moving between milliseconds at each step.</summary>
    private static async Task<string> StartAndCompleteAsync(HttpClient chair, HttpClient secretariat, Action tick)
    {
        tick();
        var instance = await (await chair.PostAsync("/api/instances", JsonBody(new { definitionId = "review" }))).ExpectAsync(HttpStatusCode.Created);
        var task = instance["waitingOn"]![0]!["tasks"]![0].Str("href");
        tick();
        await (await secretariat.PostAsync($"{task}/complete", JsonBody(new { action = "Approve" }))).ExpectAsync(HttpStatusCode.OK);
        return instance.Str("id");
    }

    private static async Task<JsonObject> VerifyAsync(HttpClient secretariat, string instanceId) =>
        await (await secretariat.GetAsync($"/api/instances/{instanceId}/journal/verify")).ExpectAsync(HttpStatusCode.OK);

    private static async Task<JsonObject> VerifyAllAsync(HttpClient secretariat) =>
        await (await secretariat.GetAsync("/api/journal/verify")).ExpectAsync(HttpStatusCode.OK);

    private static void Tamper(JsonObject line, string field)
    {
        switch (field)
        {
            case "actor": line["actor"] = "mallory@foc.example"; break;
            case "details": line["details"] = line["details"]!.GetValue<string>() + " "; break;
            case "event": line["event"] = "cancelled"; break;
            // The stored moment is (ticks / 1000) << 11: adding 2048 moves the line a tenth of a millisecond later.
            case "at": line["at"] = line["at"]!.GetValue<long>() + 2048; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a field of a journal line");
        }
    }

    private Task<long> HeadAsync(string instanceId) =>
        _app.QueryAsync(db => db.Instances.Where(i => i.Id == instanceId).Select(i => i.JournalSequence).SingleAsync());

    [Fact]
    public async Task Verify_ClockBetweenMilliseconds_EveryJournalIntact_BeforeAndAfterARestart()
    {
        await _app.PublishAsync(Review());
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await StartAndCompleteAsync(_app.ClientAs(People.Chair), _app.ClientAs(People.Secretariat), TickBetweenMilliseconds));
        var times = (await _app.StoredLinesAsync()).Select(j => j.At).ToList();

        var before = await VerifyAllAsync(_app.ClientAs(People.Secretariat));
        _app.Dispose();
        _app = Open();
        var after = await VerifyAllAsync(_app.ClientAs(People.Secretariat));

        // The clock really stood between milliseconds; the journal keeps whole ones, and they moved on.
        Assert.NotEqual(0, _clock.GetUtcNow().UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.All(times, t => Assert.Equal(0, t.UtcTicks % TimeSpan.TicksPerMillisecond));
        Assert.True(times.Distinct().Count() > 1, "the journal's times moved with the clock");
        foreach (var report in new[] { before, after })
        {
            Assert.True(report["intact"]!.GetValue<bool>(), report.ToJsonString());
            Assert.Equal((5, 0), (report["instances"]!.GetValue<long>(), report["brokenInstances"]!.GetValue<long>()));
            Assert.Equal(times.Count, report["entries"]!.GetValue<long>());
            Assert.Empty(report["broken"]!.AsArray());
        }
        foreach (var id in ids)
        {
            var verification = await VerifyAsync(_app.ClientAs(People.Secretariat), id);
            Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
            Assert.Null(verification["firstBrokenSequence"]);
        }
    }

    [Theory]
    [InlineData("actor", 2)]
    [InlineData("details", 1)]
    [InlineData("event", 5)]
    [InlineData("at", 4)]
    [InlineData(null, 3)]
    public async Task Verify_LineEditedOrDeletedInTheDatabase_NamesIt(string? field, long sequence)
    {
        await _app.PublishAsync(Review());
        var id = await StartAndCompleteAsync(_app.ClientAs(People.Chair), _app.ClientAs(People.Secretariat), TickBetweenMilliseconds);
        var intact = await VerifyAsync(_app.ClientAs(People.Secretariat), id);

        if (field is null) await _app.DeleteLineAsync(id, sequence);
        else await _app.EditLineAsync(id, sequence, line => Tamper(line, field));

        var tampered = await VerifyAsync(_app.ClientAs(People.Secretariat), id);
        Assert.True(intact["intact"]!.GetValue<bool>());
        Assert.False(tampered["intact"]!.GetValue<bool>());
        Assert.Equal(sequence, tampered["firstBrokenSequence"]!.GetValue<long>());
    }

    [Fact]
    public async Task Verify_LastLineDeletedInTheDatabase_NamesIt()
    {
        await _app.PublishAsync(Review());
        var id = await StartAndCompleteAsync(_app.ClientAs(People.Chair), _app.ClientAs(People.Secretariat), TickBetweenMilliseconds);
        var head = await HeadAsync(id);

        await _app.DeleteLineAsync(id, head);

        var tampered = await VerifyAsync(_app.ClientAs(People.Secretariat), id);
        Assert.False(tampered["intact"]!.GetValue<bool>());
        Assert.Equal(head, tampered["firstBrokenSequence"]!.GetValue<long>());
        Assert.Equal(head - 1, tampered["entries"]!.GetValue<long>());
    }

    [Fact]
    public async Task VerifyAll_OneTamperedAmongMoreThanAPageOfIntactOnes_ListsOnlyIt()
    {
        await _app.PublishAsync(Review());
        var ids = new List<string>();
        for (var i = 0; i < 105; i++)
        {
            TickBetweenMilliseconds();
            ids.Add((await _app.StartAsync("review")).Id);
        }
        var victim = ids.Order(StringComparer.Ordinal).ElementAt(102); // on the second page of the check
        await _app.EditLineAsync(victim, 3, line => line["actor"] = "mallory@foc.example");

        var report = await VerifyAllAsync(_app.ClientAs(People.Secretariat));

        Assert.False(report["intact"]!.GetValue<bool>());
        Assert.Equal((105, 1), (report["instances"]!.GetValue<long>(), report["brokenInstances"]!.GetValue<long>()));
        var broken = Assert.Single(report["broken"]!.AsArray());
        Assert.Equal((victim, 3), (broken.Str("instanceId"), broken!["firstBrokenSequence"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData(People.Chair)]
    [InlineData(People.MemberCanada)]
    [InlineData(People.Advisor)]
    public async Task VerifyAll_AsAnyoneButTheSecretariat_Returns403(string email)
    {
        var response = await _app.ClientAs(email).GetAsync("/api/journal/verify");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task VerifyAll_WithoutSignIn_Returns401()
    {
        var response = await _app.ClientAs(null).GetAsync("/api/journal/verify");

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task VerifyAll_AfterALoadOnTheRealClock_EveryJournalIntact()
    {
        using var realClock = _app.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(TimeProvider.System);
        }));
        var definitions = realClock.Services.GetRequiredService<DefinitionStore>();
        Assert.Empty(await definitions.SaveDraftAsync(Review(), People.Secretariat, CancellationToken.None));
        await definitions.PublishAsync("review", People.Secretariat, CancellationToken.None);
        var chair = ClientAs(realClock, People.Chair);
        var secretariat = ClientAs(realClock, People.Secretariat);

        var ids = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => StartAndCompleteAsync(chair, secretariat, () => { })));

        var report = await VerifyAllAsync(secretariat);
        Assert.True(report["intact"]!.GetValue<bool>(), report.ToJsonString());
        Assert.Equal((30, 0), (report["instances"]!.GetValue<long>(), report["brokenInstances"]!.GetValue<long>()));
        foreach (var id in ids.Take(5)) Assert.True((await VerifyAsync(secretariat, id))["intact"]!.GetValue<bool>());
    }

    private static HttpClient ClientAs(WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }
}
