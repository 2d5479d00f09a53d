using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence.Journal;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>An instance with what it currently waits on.</summary>
public sealed record InstanceDetail(WorkflowInstance Instance, IReadOnlyList<Bookmark> Bookmarks, IReadOnlyList<HumanTask> OpenTasks);

/// <param name="VisibleTaskForces">When set, only instances of these task forces (what the viewer may see); null for all.</param>
public sealed record InstanceFilter(string? DefinitionId, InstanceStatus? Status, string? TaskForceId, int Page, int PageSize,
    IReadOnlyCollection<string>? VisibleTaskForces = null);

/// <summary>Read-side queries for instances, their journal and tasks.</summary>
public sealed class InstanceQueries(IDbContextFactory<WorkflowDbContext> contexts)
{
    public async Task<(IReadOnlyList<WorkflowInstance> Items, int Total)> ListAsync(InstanceFilter filter, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Instances.AsNoTracking();
        if (filter.DefinitionId is { } d) query = query.Where(i => i.DefinitionId == d);
        if (filter.Status is { } s) query = query.Where(i => i.Status == s);
        if (filter.TaskForceId is { } t) query = query.Where(i => i.TaskForceId == t);
        if (filter.VisibleTaskForces is { } visible) query = query.Where(i => i.TaskForceId != null && visible.Contains(i.TaskForceId));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return (items, total);
    }

    public async Task<InstanceDetail?> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null) return null;
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id).OrderBy(b => b.CreatedAt).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id && t.Status == HumanTaskStatus.Open).ToListAsync(ct);
        return new InstanceDetail(instance, bookmarks, tasks);
    }

    /// <summary>The instance's concurrency stamp, which grows with every committed burst; null when there is no such instance.</summary>
    /// <summary>Whether the instance exists, and its task force: what seeing it depends on.</summary>
    public async Task<(bool Exists, string? TaskForceId)> TaskForceOfAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.TaskForceId }).FirstOrDefaultAsync(ct);
        return (row is not null, row?.TaskForceId);
    }

    public async Task<long?> StampAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.Where(i => i.Id == id).Select(i => (long?)i.Stamp).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<JournalEntry>?> JournalAsync(string id, long after, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Instances.AnyAsync(i => i.Id == id, ct)) return null;
        var lines = new List<JournalEntry>(Math.Min(take, 1_000));
        await foreach (var line in JournalReading.LinesAsync(db, id, after, ct: ct))
        {
            if (lines.Count == take) break;
            lines.Add(line);
        }
        return lines;
    }

    public async Task<IReadOnlyList<JournalEntry>?> WholeJournalAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Instances.AnyAsync(i => i.Id == id, ct)) return null;
        return await JournalReading.LinesAsync(db, id, ct: ct).ToListAsync(ct);
    }

    public async Task<HumanTask?> GetTaskAsync(string taskId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
    }

    public async Task<IReadOnlyList<HumanTask>> AllTasksAsync(HumanTaskStatus status, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking().Where(t => t.Status == status)
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ToListAsync(ct);
    }

    /// <summary>
    /// Tasks whose assignees name this person by e-mail or by one of their roles, found through the assignee index
    /// (<see cref="Inbox.TaskAssigneeRow"/>), however many tasks are stored.
    /// </summary>
    public async Task<IReadOnlyList<HumanTask>> InboxAsync(string email, IReadOnlyCollection<string> roles, HumanTaskStatus? status, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        List<string> keys = [Inbox.TaskAssigneeRow.Key(email), .. roles.Select(r => Inbox.TaskAssigneeRow.Key("role:" + r))];
        var query = db.Tasks.AsNoTracking()
            .Where(t => db.TaskAssignees.Where(a => keys.Contains(a.Assignee)).Select(a => a.TaskId).Contains(t.Id));
        if (status is { } s) query = query.Where(t => t.Status == s);
        var candidates = await query
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ToListAsync(ct);
        return [.. candidates.Where(t => TaskAssignment.IsAssignee(t, email, roles))];
    }
}
