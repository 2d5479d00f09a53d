using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

public sealed class SeedOptions
{
    /// <summary>Load the sample directory on first start (the embedded default; off in production).</summary>
    public bool SampleDirectory { get; set; }

    /// <summary>Publish the standard FOC workflows the database does not have yet (on by default).</summary>
    public bool StandardWorkflows { get; set; } = true;
}

/// <summary>
/// Brings the database up to date before anything else runs: WAL mode, migrations, and on the
/// embedded default the sample directory. Registered first so it runs before the timer worker.
/// </summary>
internal sealed class DatabaseStartup(IDbContextFactory<WorkflowDbContext> contexts, Microsoft.Extensions.Options.IOptions<SeedOptions> seed,
    DefinitionStore definitions, ILogger<DatabaseStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets readers and the one writer proceed together; the mode is kept in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
        if (seed.Value.SampleDirectory && !await db.People.AnyAsync(ct))
        {
            db.Governments.AddRange(SampleDirectory.Governments);
            db.People.AddRange(SampleDirectory.People);
            db.TaskForces.AddRange(SampleDirectory.TaskForces);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Loaded the sample directory ({Count} people).", SampleDirectory.People.Count);
        }
        if (seed.Value.StandardWorkflows) await PublishStandardWorkflowsAsync(ct);
        if (!db.IsPostgres)
        {
            // SQLite's planner chooses indexes from the statistics ANALYZE keeps (PostgreSQL's autovacuum keeps its own).
            // Without them, a query on tasks by instance and status may walk every open task by status; sampled
            // (analysis_limit), this takes a fraction of a second on a file of 100,000 instances.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=400; ANALYZE;", ct);
        }
    }

    /// <summary>
    /// Publishes each standard workflow the database has never seen. One that does not validate is
    /// kept as a draft for the secretariat to fix, and logged; it never stops the server.
    /// </summary>
    private async Task PublishStandardWorkflowsAsync(CancellationToken ct)
    {
        foreach (var workflow in Definitions.Workflows.StandardWorkflows.All)
        {
            if (await definitions.ExistsAsync(workflow.Id, ct)) continue;
            var findings = await definitions.SaveDraftAsync(workflow, "system", ct);
            if (findings.Count > 0)
            {
                log.LogError("Standard workflow {Id} does not validate and stays a draft: {Findings}", workflow.Id,
                    string.Join("; ", findings.Select(f => $"{f.Path}: {f.Message}")));
                continue;
            }
            await definitions.PublishAsync(workflow.Id, "system", ct);
            log.LogInformation("Published the standard workflow {Id}.", workflow.Id);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
