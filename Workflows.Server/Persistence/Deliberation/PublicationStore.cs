using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Publications;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence.Deliberation;

/// <summary>Reads publications, their translations and the signatories' names. Writes go through the publication activity.</summary>
public sealed class PublicationStore(IDbContextFactory<WorkflowDbContext> contexts) : IPublicationReads
{
    public async Task<Publication?> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Publication>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    public async Task<IReadOnlyList<Publication>> ListAsync(bool releasedOnly, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Set<Publication>().AsNoTracking();
        if (releasedOnly) query = query.Where(p => p.Status == PublicationStatus.Released);
        var list = await query.ToListAsync(ct);
        return [.. list.OrderByDescending(p => p.ReleaseAt)];
    }

    public async Task<IReadOnlyList<Translation>> TranslationsAsync(string publicationId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Translation>().AsNoTracking().Where(t => t.PublicationId == publicationId).OrderBy(t => t.Language).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> GovernmentNamesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Government>().AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct);
    }
}
