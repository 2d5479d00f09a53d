using System.Data.Common;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence.HotPath;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// The engine's store. Its hot path (loading an instance, finding a bookmark, committing bursts) is plain SQL on
/// one connection per call (<see cref="HotPath"/>); EF Core stays for the rest of the server, for the domain
/// records a burst carries and for claiming timers. Connections and their prepared statements are kept
/// between calls (<see cref="StoreSession"/>).
/// </summary>
internal sealed partial class WorkflowStore(IDbContextFactory<WorkflowDbContext> contexts, StoreConnections connections) : IWorkflowStore
{
    private const string LoadSql =
        $"SELECT {EngineRows.InstanceColumns} FROM \"Instances\" WHERE \"Id\" = @p0; " +
        $"SELECT {EngineRows.BookmarkColumns} FROM \"Bookmarks\" WHERE \"InstanceId\" = @p0; " +
        // The status is compared as an expression, not a column, so no planner walks every open task by its status index
        // instead of this instance's few tasks (SQLite does, before ANALYZE has run).
        $"SELECT {EngineRows.TaskColumns} FROM \"Tasks\" WHERE \"InstanceId\" = @p0 AND \"Status\" || '' = 'Open'";

    /// <summary>The instance, its bookmarks and its open tasks in one round trip.</summary>
    public Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken ct) => connections.UseAsync(async session =>
    {
        var load = session.Statement(LoadSql, 1);
        load[0] = instanceId;
        await using var reader = await load.ReadAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var instance = EngineRows.Instance(reader);
        await reader.NextResultAsync(ct);
        var bookmarks = await ReadAllAsync(reader, EngineRows.Bookmark, ct);
        await reader.NextResultAsync(ct);
        var tasks = await ReadAllAsync(reader, EngineRows.Task, ct);
        return new InstanceSnapshot(instance, bookmarks, tasks);
    }, ct);

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string key, CancellationToken ct) =>
        QueryAsync($"SELECT {EngineRows.BookmarkColumns} FROM \"Bookmarks\" WHERE \"Kind\" = @p0 AND \"Key\" = @p1", EngineRows.Bookmark, ct, kind, key);

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken ct) =>
        (await QueryAsync($"SELECT {EngineRows.IdempotencyColumns} FROM \"IdempotencyKeys\" WHERE \"Scope\" = @p0 AND \"Key\" = @p1",
            EngineRows.Idempotency, ct, scope, key)) is [var record, ..] ? record : null;

    /// <summary>Every record under one scope; the scope leads the primary key, so this is an index seek.</summary>
    public Task<IReadOnlyList<IdempotencyRecord>> FindIdempotencyScopeAsync(string scope, CancellationToken ct) =>
        QueryAsync($"SELECT {EngineRows.IdempotencyColumns} FROM \"IdempotencyKeys\" WHERE \"Scope\" = @p0", EngineRows.Idempotency, ct, scope);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> row, CancellationToken ct, params string[] values) =>
        connections.UseAsync(async session =>
        {
            var query = session.Statement(sql, values.Length);
            for (var i = 0; i < values.Length; i++) query[i] = values[i];
            await using var reader = await query.ReadAsync(ct);
            return await ReadAllAsync(reader, row, ct);
        }, ct);

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbDataReader reader, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        return rows;
    }
}
