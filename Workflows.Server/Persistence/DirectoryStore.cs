using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>The directory on EF Core: people, governments, task forces, and audience resolution.</summary>
public sealed class DirectoryStore(IDbContextFactory<WorkflowDbContext> contexts) : IDirectory, Engine.ITaskForceLookup
{
    public async Task<Person?> FindPersonAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == normalized, ct);
    }

    public async Task<TaskForce?> FindTaskForceAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
    }

    public async Task<IReadOnlyList<TaskForce>> TaskForcesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TaskForces.AsNoTracking().ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
    }

    public async Task<IReadOnlySet<string>> GovernmentCodesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.Governments.AsNoTracking().Select(g => g.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The person with this e-mail changed by <paramref name="apply"/>, or <paramref name="create"/>d first; stored at once.</summary>
    public async Task<Person> SavePersonAsync(string email, Func<Person> create, Action<Person> apply, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var person = await db.People.FirstOrDefaultAsync(p => p.Email == email, ct);
        if (person is null) db.People.Add(person = create());
        apply(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>The task force with this id changed by <paramref name="apply"/>, or <paramref name="create"/>d first; stored at once.</summary>
    public async Task<TaskForce> SaveTaskForceAsync(string id, Func<TaskForce> create, Action<TaskForce> apply, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var taskForce = await db.TaskForces.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (taskForce is null) db.TaskForces.Add(taskForce = create());
        apply(taskForce);
        await db.SaveChangesAsync(ct);
        return taskForce;
    }

    async Task<System.Text.Json.Nodes.JsonNode?> Engine.ITaskForceLookup.FindAsync(string taskForceId, CancellationToken ct) =>
        await FindTaskForceAsync(taskForceId, ct) is { } taskForce
            ? System.Text.Json.JsonSerializer.SerializeToNode(taskForce, System.Text.Json.JsonSerializerOptions.Web)
            : null;

    public async Task<IReadOnlyList<Person>> ResolveAsync(AudienceKind kind, string? taskForceId, IReadOnlyList<string>? list, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The directory is small (hundreds of people): filter in memory, where list semantics are clear.
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var taskForce = taskForceId is null ? null : await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskForceId, ct);
        if (taskForceId is not null && taskForce is null && kind is AudienceKind.TaskForceMembers or AudienceKind.PenHolders)
            throw new InvalidOperationException($"Task force '{taskForceId}' is not in the directory.");
        var audience = kind switch
        {
            AudienceKind.TaskForceMembers => people.Where(p => p.HasRole(Roles.Member) && p.Government is { } g && taskForce!.MemberGovernments.Contains(g)),
            AudienceKind.AdvisoryNetwork => people.Where(p => p.HasRole(Roles.Advisor) && (taskForce is null || taskForce.Advisors.Contains(p.Email))),
            AudienceKind.AllMembers => people.Where(p => p.HasRole(Roles.Member) && p.Government is not null),
            AudienceKind.PenHolders => people.Where(p => (p.Government is { } g && taskForce!.LeadGovernments.Contains(g) && p.HasRole(Roles.Member))
                || taskForce!.AdvisoryCoLeads.Contains(p.Email)),
            _ => people.Where(p => (list ?? []).Any(entry => Matches(entry, p))),
        };
        return [.. audience];
    }

    private static bool Matches(string entry, Person person) =>
        entry.StartsWith("role:", StringComparison.OrdinalIgnoreCase)
            ? person.HasRole(entry[5..])
            : string.Equals(entry.Trim(), person.Email, StringComparison.OrdinalIgnoreCase);
}
