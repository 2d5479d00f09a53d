using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

public sealed class SeedOptions
{
    /// <summary>Load the sample directory on first start (the embedded default; off in production).</summary>
    public bool SampleDirectory { get; set; }
}

/// <summary>
/// Brings the database up to date before anything else runs: WAL mode, migrations, and on the
/// embedded default the sample directory. Registered first so it runs before the timer worker.
/// </summary>
internal sealed class DatabaseStartup(IDbContextFactory<WorkflowDbContext> contexts, Microsoft.Extensions.Options.IOptions<SeedOptions> seed,
    ILogger<DatabaseStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // WAL lets readers and the one writer proceed together; the mode is kept in the file.
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
        if (seed.Value.SampleDirectory && !await db.People.AnyAsync(ct))
        {
            db.Governments.AddRange(SampleDirectory.Governments);
            db.People.AddRange(SampleDirectory.People);
            db.TaskForces.AddRange(SampleDirectory.TaskForces);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Loaded the sample directory ({Count} people).", SampleDirectory.People.Count);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
