using System.Globalization;
using System.Net.Http.Json;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// The real server in memory, on its own SQLite file in a temporary folder, with a fake clock and a
/// fault injector. Several apps may share one data folder to simulate a restart.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly bool _ownsFolder;
    private readonly bool _timerWorker;
    private readonly bool _standardWorkflows;
    private readonly string? _postgres;

    /// <summary>An app on a fresh database of the test run's PostgreSQL server.</summary>
    public static TestApp OnPostgres(bool standardWorkflows = false, TimeProvider? time = null, bool timerWorker = false) =>
        new(standardWorkflows: standardWorkflows, postgresConnectionString: PostgresServer.NewDatabase(), time: time, timerWorker: timerWorker);
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="timerWorker">
    /// Off by default: tests fire timers by hand with <c>FireDueTimersAsync</c>, and a background
    /// worker on the same fake clock would race them.
    /// </param>
    /// <param name="standardWorkflows">Publish the standard FOC workflows at start, as the product does.</param>
    /// <param name="settings">Further configuration keys (e.g. <c>Graph:BaseUrl</c> pointing at a fake).</param>
    /// <param name="postgresConnectionString">Run on this PostgreSQL database instead of a SQLite file.</param>
    /// <param name="time">Another clock for the server, e.g. <see cref="TimeProvider.System"/> to run as in production; <see cref="Clock"/> then stands unused.</param>
    /// <param name="services">Replaces some of the server's services, after its own registrations (e.g. <see cref="HeldStore.Install"/>).</param>
    public TestApp(string? dataFolder = null, FakeTimeProvider? clock = null, int maxActivitiesPerBurst = 1000, bool timerWorker = false,
        bool standardWorkflows = false, IReadOnlyDictionary<string, string?>? settings = null, string? postgresConnectionString = null,
        TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _time = time;
        _settings = settings ?? new Dictionary<string, string?>();
        _postgres = postgresConnectionString;
        _standardWorkflows = standardWorkflows;
        _timerWorker = timerWorker;
        _ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "focwf-tests", Guid.NewGuid().ToString("N"));
        Clock = clock ?? new FakeTimeProvider(Epoch);
        MaxActivitiesPerBurst = maxActivitiesPerBurst;
    }

    public string DataFolder { get; }
    public FakeTimeProvider Clock { get; }
    public FaultInjector Faults { get; } = new();
    public CommitFailures CommitFailures { get; } = new();
    private int MaxActivitiesPerBurst { get; }

    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();
    public DefinitionStore DefinitionStore => Services.GetRequiredService<DefinitionStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        if (_postgres is not null)
        {
            builder.UseSetting("Storage:Provider", "PostgreSql");
            builder.UseSetting("Storage:ConnectionString", _postgres);
        }
        builder.UseSetting("Seed:SampleDirectory", "true");
        builder.UseSetting("Seed:StandardWorkflows", _standardWorkflows ? "true" : "false");
        builder.UseSetting("Engine:MaxActivitiesPerBurst", MaxActivitiesPerBurst.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Engine:RunTimerWorker", _timerWorker ? "true" : "false");
        // The background journal check reads every journal at start; tests that want it turn it on.
        builder.UseSetting("Engine:RunJournalCheck", "false");
        // Like timers, the outbox is dispatched by hand (OutboxDispatcher.DispatchDueAsync) in tests.
        builder.UseSetting("Graph:RunDispatcher", "false");
        // Outside the Development environment, as a test server is: development sign-in on purpose, over plain http.
        builder.UseSetting("Authentication:AllowDevelopmentSignIn", "true");
        builder.UseSetting("Authentication:CookieSecurePolicy", "SameAsRequest");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_time ?? Clock);
            services.AddSingleton<IInterceptor>(Faults);
            services.AddSingleton<IInterceptor>(CommitFailures);
            services.AddSingleton<Server.Persistence.HotPath.IHotPathObserver>(Faults);
            services.AddSingleton<Server.Persistence.HotPath.IHotPathObserver>(CommitFailures);
            _services?.Invoke(services);
        });
    }

    /// <summary>An HTTP client signed in (development header) as the given directory e-mail.</summary>
    public HttpClient ClientAs(string? email)
    {
        var client = CreateClient();
        if (email is not null) client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }

    /// <summary>Saves and publishes a definition, failing the test if it is invalid.</summary>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition)
    {
        var findings = await DefinitionStore.SaveDraftAsync(definition, People.Secretariat, CancellationToken.None);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Path}: {f.Message}")));
        return await DefinitionStore.PublishAsync(definition.Id, People.Secretariat, CancellationToken.None);
    }

    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Waits (in real time) until a condition holds; for work done by background services.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(25);
        }
        Assert.Fail($"Timed out waiting until {what}.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        // Idle connections would stay open on the shared test server for minutes after the test.
        if (_postgres is not null) Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(_postgres));
        if (disposing && _ownsFolder && Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}

/// <summary>E-mails of the sample directory's people.</summary>
public static class People
{
    public const string Secretariat = "secretariat@foc.example";
    public const string Chair = "chair@foc.example";
    public const string CoChair = "cochair@foc.example";
    public const string MemberCanada = "diplomat.ca@foc.example";
    public const string MemberGhana = "diplomat.gh@foc.example";
    public const string Advisor = "advisor.access@foc.example";
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>())!;
}
