using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence.Deliberation;

/// <summary>Reads draft versions. Read-only: versions are recorded by the draft activity's burst.</summary>
public sealed class DraftStore(IDbContextFactory<WorkflowDbContext> contexts) : IDraftReads
{
    public async Task<DraftVersion?> LatestAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<DraftVersion>().AsNoTracking().Where(d => d.InstanceId == instanceId)
            .OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The latest version as an activity sees it: a version submitted earlier in the same burst
    /// (the draft step just before) is not saved yet, so the burst's own records count too.
    /// </summary>
    public async Task<DraftVersion?> LatestAsync(ActivityContext context, CancellationToken ct)
    {
        var pending = context.Burst.Records.OfType<DraftVersion>().Where(d => d.InstanceId == context.InstanceId).MaxBy(d => d.Number);
        return pending ?? await LatestAsync(context.InstanceId, ct);
    }

    public async Task<DraftVersion?> GetAsync(string instanceId, int number, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<DraftVersion>().AsNoTracking().FirstOrDefaultAsync(d => d.InstanceId == instanceId && d.Number == number, ct);
    }

    public async Task<DraftVersion?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<DraftVersion>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
    }

    public async Task<IReadOnlyList<DraftVersion>> ListAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<DraftVersion>().AsNoTracking().Where(d => d.InstanceId == instanceId).OrderBy(d => d.Number).ToListAsync(ct);
    }

    public async Task<bool> InstanceExistsAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AnyAsync(i => i.Id == instanceId, ct);
    }
}
