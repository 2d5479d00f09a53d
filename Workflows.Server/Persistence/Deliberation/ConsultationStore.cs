using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence.Deliberation;

/// <summary>Read-only lookups of consultations, comments and dispositions, for activities and the API.</summary>
public sealed class ConsultationStore(IDbContextFactory<WorkflowDbContext> contexts) : IConsultationReads, IDispositionReads
{
    public async Task<Consultation?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>The latest consultation a node of an instance opened (a loop may open several).</summary>
    public async Task<Consultation?> FindLatestAsync(string instanceId, string nodeId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = await db.Set<Consultation>().AsNoTracking().Where(c => c.InstanceId == instanceId && c.NodeId == nodeId).ToListAsync(ct);
        return candidates.OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Every consultation an instance opened: who may read which draft version depends on them.</summary>
    public async Task<IReadOnlyList<Consultation>> OfInstanceAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Consultation>().AsNoTracking().Where(c => c.InstanceId == instanceId).ToListAsync(ct);
    }

    public async Task<string?> TaskForceOfAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.TaskForceId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Comments in the order they arrived.</summary>
    public async Task<IReadOnlyList<Comment>> CommentsAsync(string consultationId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var comments = await db.Set<Comment>().AsNoTracking().Where(c => c.ConsultationId == consultationId).ToListAsync(ct);
        return [.. comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<int> CommentCountAsync(string consultationId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Comment>().CountAsync(c => c.ConsultationId == consultationId, ct);
    }

    /// <summary>The people who have commented (for themselves or through the secretariat).</summary>
    public async Task<IReadOnlySet<string>> CommentersAsync(string consultationId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<Comment>().AsNoTracking().Where(c => c.ConsultationId == consultationId)
            .Select(c => new { c.Author, c.OnBehalfOf }).Distinct().ToListAsync(ct);
        return rows.Select(r => r.OnBehalfOf ?? r.Author).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Of these inbox tasks, those a consultation's audience shares ("Comment: ...") that this person has done by
    /// commenting: the task stays open, for the others and for more comments until the window closes.
    /// </summary>
    public async Task<IReadOnlySet<string>> CommentedTasksAsync(string email, IEnumerable<HumanTask> tasks, CancellationToken ct)
    {
        var byConsultation = tasks.Where(t => t.ResourceHref?.StartsWith(ConsultationHref, StringComparison.Ordinal) == true)
            .Select(t => (Task: t.Id, Consultation: t.ResourceHref![ConsultationHref.Length..]))
            .Where(t => t.Consultation.Length > 0 && !t.Consultation.Contains('/')).ToList();
        if (byConsultation.Count == 0) return new HashSet<string>();
        var ids = byConsultation.Select(t => t.Consultation).Distinct().ToList();
        var who = email.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        // E-mails are stored as the directory spells them; compared in lower case, as the audience is.
        var commented = (await db.Set<Comment>().AsNoTracking().Where(c => ids.Contains(c.ConsultationId))
                .Select(c => new { c.ConsultationId, c.Author, c.OnBehalfOf }).Distinct().ToListAsync(ct))
            .Where(c => string.Equals((c.OnBehalfOf ?? c.Author).ToLowerInvariant(), who, StringComparison.Ordinal)).Select(c => c.ConsultationId).ToHashSet();
        return byConsultation.Where(t => commented.Contains(t.Consultation)).Select(t => t.Task).ToHashSet();
    }

    private const string ConsultationHref = "/api/consultations/";

    public async Task<Comment?> FindCommentAsync(string consultationId, string commentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Comment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == consultationId, ct);
    }

    public async Task<IReadOnlyList<Disposition>> DispositionsAsync(string consultationId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Disposition>().AsNoTracking().Where(d => d.ConsultationId == consultationId).ToListAsync(ct);
    }

    public async Task<Disposition?> FindDispositionAsync(string commentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Disposition>().AsNoTracking().FirstOrDefaultAsync(d => d.CommentId == commentId, ct);
    }
}
