using FocWorkflows.Server.Deliberation.Consultations;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence.Deliberation;

/// <summary>Revocations and uses of advisors' links. Revocations are written with their journal line (a burst); uses on their own.</summary>
public sealed class AdvisorLinkStore(IDbContextFactory<WorkflowDbContext> contexts) : IAdvisorLinkReads
{
    /// <summary>The revocation that withdrew this advisor's link to this consultation (theirs, or all links), the earliest; null when none did.</summary>
    public async Task<AdvisorLinkRevocation?> RevocationAsync(string consultationId, string email, CancellationToken ct) =>
        (await RevocationsAsync(consultationId, ct)).FirstOrDefault(r => r.Covers(email));

    public async Task<IReadOnlyList<AdvisorLinkRevocation>> RevocationsAsync(string consultationId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var revocations = await db.Set<AdvisorLinkRevocation>().AsNoTracking().Where(r => r.ConsultationId == consultationId).ToListAsync(ct);
        return [.. revocations.OrderBy(r => r.RevokedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public async Task RecordUseAsync(AdvisorLinkUse use, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Add(use);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The latest uses of a consultation's links, newest first.</summary>
    public async Task<IReadOnlyList<AdvisorLinkUse>> UsesAsync(string consultationId, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<AdvisorLinkUse>().AsNoTracking().Where(u => u.ConsultationId == consultationId)
            .OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Take(take).ToListAsync(ct);
    }
}
