using System.Collections.Concurrent;
using System.Diagnostics;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>A definition in a list: its latest published version and whether a draft is being edited.</summary>
public sealed record DefinitionSummary(string Id, string Name, int? LatestVersion, bool HasDraft, DateTimeOffset UpdatedAt);

/// <summary>
/// Drafts and published versions. A draft may be anything well formed; publishing validates it and
/// stores it as the next immutable version. Published versions are cached: they never change.
/// </summary>
public sealed class DefinitionStore(IDbContextFactory<WorkflowDbContext> contexts, IActivityCatalog catalog, TimeProvider time) : IPublishedDefinitions
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _published = new();

    // The latest version number per definition, for starts that name none: a publish in this process replaces it at
    // once; one in another process sharing the database is seen within LatestFreshFor (a start that arrives in that
    // second could as well have arrived a second earlier, on the version before).
    private static readonly TimeSpan LatestFreshFor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (int Version, long ReadAt)> _latest = new();

    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Definitions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.SavedAt }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.DefinitionId).Select(g =>
        {
            var latest = g.OrderByDescending(r => r.Version).First();
            var published = g.Where(r => r.Version > 0).Select(r => (int?)r.Version).Max();
            var named = g.FirstOrDefault(r => r.Version == 0) ?? latest;
            return new DefinitionSummary(g.Key, named.Name, published, g.Any(r => r.Version == 0), g.Max(r => r.SavedAt));
        }).OrderBy(s => s.Name)];
    }

    /// <summary>The draft if there is one, else the latest published version.</summary>
    public async Task<WorkflowDefinition?> GetLatestAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == id)
            .OrderBy(d => d.Version == 0 ? 0 : 1).ThenByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        return row is null ? null : Parse(row);
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == id && d.Version > 0)
            .OrderByDescending(d => d.Version).ToListAsync(ct);
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Definitions.AnyAsync(d => d.DefinitionId == id, ct);
    }

    /// <summary>A published version, or the latest one when <paramref name="version"/> is null.</summary>
    public async Task<WorkflowDefinition?> GetAsync(string definitionId, int? version, CancellationToken ct)
    {
        if (version is { } v && _published.TryGetValue((definitionId, v), out var cached)) return cached;
        if (version is null)
        {
            // Most starts name no version: the latest number comes from the database at most once a second, and the
            // parsed (and schema-checked) definition from the cache.
            if (_latest.TryGetValue(definitionId, out var known) && Stopwatch.GetElapsedTime(known.ReadAt) < LatestFreshFor
                && _published.TryGetValue((definitionId, known.Version), out var fresh))
                return fresh;
            await using var db = await contexts.CreateDbContextAsync(ct);
            var latest = await Published(db, definitionId).MaxAsync(d => (int?)d.Version, ct);
            if (latest is null) return null;
            _latest[definitionId] = (latest.Value, Stopwatch.GetTimestamp());
            if (_published.TryGetValue((definitionId, latest.Value), out var current)) return current;
            version = latest;
        }
        return await ReadVersionAsync(definitionId, version.Value, ct);
    }

    private async Task<WorkflowDefinition?> ReadVersionAsync(string definitionId, int version, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await Published(db, definitionId).FirstOrDefaultAsync(d => d.Version == version, ct);
        if (row is null) return null;
        var definition = Parse(row);
        _published[(definitionId, row.Version)] = definition;
        return definition;
    }

    /// <summary>Saves the draft (replacing the previous one) and returns its validation findings.</summary>
    public async Task<IReadOnlyList<ValidationFinding>> SaveDraftAsync(WorkflowDefinition definition, string? actor, CancellationToken ct)
    {
        // Every way in (the API, an import, the editor) comes here: an id the routes could not address is never stored.
        if (!DefinitionId.IsValid(definition.Id))
            throw WorkflowProblem.Invalid("The definition id is not valid", new Dictionary<string, string[]> { ["id"] = [DefinitionId.Rule] });
        var draft = definition with { Version = 0 };
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == draft.Id && d.Version == 0, ct);
        if (row is null)
        {
            db.Definitions.Add(new StoredDefinition
            {
                DefinitionId = draft.Id, Version = 0, Name = draft.Name, Json = DefinitionJson.Write(draft),
                SavedAt = time.GetUtcNow(), SavedBy = actor,
            });
        }
        else
        {
            row.Name = draft.Name;
            row.Json = DefinitionJson.Write(draft);
            row.SavedAt = time.GetUtcNow();
            row.SavedBy = actor;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            throw new StoreWriteFailedException($"The draft of '{draft.Id}' could not be stored.", e);
        }
        return new DefinitionValidator(catalog).Validate(draft);
    }

    /// <summary>Validates the draft and publishes it as the next version; the draft is then gone.</summary>
    public async Task<WorkflowDefinition> PublishAsync(string id, string? actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var draftRow = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == id && d.Version == 0, ct);
        if (draftRow is null)
        {
            throw await db.Definitions.AnyAsync(d => d.DefinitionId == id, ct)
                ? WorkflowProblem.Conflict("No draft to publish", $"Definition '{id}' has no draft: save one with PUT first.")
                : WorkflowProblem.NotFound("Definition", id);
        }
        var draft = Parse(draftRow);
        var findings = new DefinitionValidator(catalog).Validate(draft);
        if (findings.Count > 0) throw new InvalidDefinitionException(findings);

        var next = (await db.Definitions.Where(d => d.DefinitionId == id).MaxAsync(d => (int?)d.Version, ct) ?? 0) + 1;
        var published = draft with { Version = next };
        db.Definitions.Remove(draftRow);
        db.Definitions.Add(new StoredDefinition
        {
            DefinitionId = id, Version = next, Name = published.Name, Json = DefinitionJson.Write(published),
            SavedAt = time.GetUtcNow(), SavedBy = actor,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            throw WorkflowProblem.Conflict("Published concurrently", $"Another publish of '{id}' won: {e.InnerException?.Message ?? e.Message}");
        }
        _latest.TryRemove(id, out _);
        return published;
    }

    private static IQueryable<StoredDefinition> Published(WorkflowDbContext db, string definitionId) =>
        db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.Version > 0);

    private static WorkflowDefinition Parse(StoredDefinition row)
    {
        var read = DefinitionJson.Read(row.Json);
        return read.Definition ?? throw new InvalidOperationException(
            $"Stored definition {row.DefinitionId} v{row.Version} no longer reads: {string.Join("; ", read.Findings.Select(f => f.Message))}");
    }
}

/// <summary>A definition that cannot be published; answered with 422 and every finding.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<ValidationFinding> findings)
    : Exception($"The definition has {findings.Count} problem(s).")
{
    public IReadOnlyList<ValidationFinding> Findings { get; } = findings;
}
