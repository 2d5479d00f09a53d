using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The server's engine without HTTP: the same service registrations as Program.cs (persistence,
/// engine, deliberation, outbox) in a generic host, on a fresh SQLite file in a temporary folder.
/// Starting it migrates the database exactly as the server does. No timer worker, no outbox
/// dispatcher, no background journal check and no logging, so nothing but the measured calls runs. It may also start on a copy of a
/// database saved earlier (<see cref="SaveCopyAsync"/>), so a large seed is built once and reused.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host, string dataFolder)
    {
        _host = host;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    public IServiceProvider Services => _host.Services;

    public WorkflowRuntime Runtime => Services.GetRequiredService<WorkflowRuntime>();

    /// <summary>The server's database file in a data folder (WorkflowDbContextFactory's name for it).</summary>
    public const string DatabaseFileName = "focworkflows.db";

    /// <summary>
    /// Builds the services without starting anything (no database is touched). <paramref name="databaseCopy"/>: a
    /// database file to copy into the fresh folder first; <paramref name="clock"/>: instead of the system clock.
    /// </summary>
    public static EngineHost Create(string? databaseCopy = null, TimeProvider? clock = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "focwf-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (databaseCopy is not null) File.Copy(databaseCopy, Path.Combine(folder, DatabaseFileName));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Benchmark",
            ContentRootPath = folder,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder,
            ["Seed:SampleDirectory"] = "false",
            ["Seed:StandardWorkflows"] = "false",
            ["Engine:RunTimerWorker"] = "false",
            // The background journal check verifies every stored journal at start: on a seeded file of 100,000
            // instances it would run beside the measured calls.
            ["Engine:RunJournalCheck"] = "false",
            ["Graph:RunDispatcher"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddPersistence();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration("Seed");
        builder.Services.AddWorkflowEngine();
        builder.Services.AddDeliberation();
        builder.Services.AddGraphIntegration();
        if (clock is not null)
        {
            // The engine registers TimeProvider.System as a singleton; the last registration wins.
            builder.Services.AddSingleton(clock);
        }
        return new EngineHost(builder.Build(), folder);
    }

    /// <summary>Starts the host (migrations) and publishes the given definitions.</summary>
    public static async Task<EngineHost> StartAsync(params WorkflowDefinition[] definitions)
    {
        var host = Create();
        await host._host.StartAsync();
        var store = host.Services.GetRequiredService<DefinitionStore>();
        foreach (var definition in definitions)
        {
            var findings = await store.SaveDraftAsync(definition, "benchmark", CancellationToken.None);
            if (findings.Count > 0)
                throw new InvalidOperationException($"{definition.Id} does not validate: {string.Join("; ", findings.Select(f => $"{f.Path}: {f.Message}"))}");
            await store.PublishAsync(definition.Id, "benchmark", CancellationToken.None);
        }
        return host;
    }

    /// <summary>Starts the host on a copy of a saved database, whose definitions are already published.</summary>
    public static async Task<EngineHost> StartOnCopyAsync(string databaseFile, TimeProvider? clock = null)
    {
        var host = Create(databaseFile, clock);
        await host._host.StartAsync();
        return host;
    }

    /// <summary>
    /// Writes a consistent, compacted copy of the database to <paramref name="path"/> (SQLite's VACUUM INTO), WAL
    /// content included, while the host runs.
    /// </summary>
    public Task SaveCopyAsync(string path) => QueryAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {path}"));

    public async Task<T> QueryAsync<T>(Func<WorkflowDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
    }
}
