using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence.Deliberation;

/// <summary>
/// Read-only access to approval rounds and their responses, for the approval-round activity and
/// the API. Writes go through the burst (<c>ActivityContext.Record/Update</c>).
/// </summary>
public sealed class ApprovalStore(IDbContextFactory<WorkflowDbContext> contexts) : IApprovalReads
{
    public async Task<ApprovalRound?> FindRoundAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<ApprovalRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>Every round an instance opened: the governments asked may read the version each was on.</summary>
    public async Task<List<ApprovalRound>> OfInstanceAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<ApprovalRound>().AsNoTracking().Where(r => r.InstanceId == instanceId).ToListAsync(ct);
    }

    public async Task<List<ApprovalResponse>> ResponsesAsync(string roundId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<ApprovalResponse>().AsNoTracking().Where(r => r.RoundId == roundId).OrderBy(r => r.Government).ToListAsync(ct);
    }

    /// <summary>The diplomats (people with the member role) of these governments.</summary>
    public async Task<List<Person>> DiplomatsOfAsync(IReadOnlyCollection<string> governments, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.Government != null && governments.Contains(p.Government)).OrderBy(p => p.Name).ToListAsync(ct);
        return [.. people.Where(p => p.HasRole(Roles.Member))];
    }

    public async Task<Dictionary<string, string>> GovernmentNamesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Governments.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct);
    }
}
