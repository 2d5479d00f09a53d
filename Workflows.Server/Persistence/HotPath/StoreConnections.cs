using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// Plain connections to the database the EF Core contexts use, for the engine's hot path: a burst's load is
/// one round trip on one connection, without a context around it. On SQLite, sessions (a connection and its
/// prepared statements) are kept between calls; PostgreSQL's connections stay in Npgsql's pool. SQLite connections get the same pragmas
/// as the contexts' (<see cref="SqlitePragmas"/>), once per native connection.
/// </summary>
internal sealed class StoreConnections : IAsyncDisposable
{
    private readonly string _connectionString;

    public StoreConnections(IDbContextFactory<WorkflowDbContext> contexts, IEnumerable<IHotPathObserver> observers)
    {
        Observers = [.. observers];
        using var db = contexts.CreateDbContext();
        _connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        IsPostgres = db.IsPostgres;
        if (IsPostgres)
        {
            // The hot path runs the same few statements all day: let Npgsql prepare them on each pooled connection,
            // unless the connection string decides otherwise.
            var builder = new NpgsqlConnectionStringBuilder(_connectionString);
            if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 20;
            _connectionString = builder.ConnectionString;
        }
    }

    public bool IsPostgres { get; }

    public IHotPathObserver[] Observers { get; }

    // Idle sessions, at most MaxIdle: enough for the callers of a busy server to find one, few enough to hold
    // no more connections than the pool would.
    private const int MaxIdle = 32;
    private readonly ConcurrentBag<StoreSession> _idle = [];

    /// <summary>
    /// Runs <paramref name="work"/> on a kept session (or a new one), and keeps the session for the next call when the
    /// work succeeded; one that saw an error is closed, in case its connection is what failed.
    /// </summary>
    public async Task<T> UseAsync<T>(Func<StoreSession, Task<T>> work, CancellationToken ct)
    {
        if (IsPostgres)
        {
            // Npgsql pools its connections within a maximum, and prepares statements itself (Max Auto Prepare): a
            // session kept here would hold a connection that pool's waiters need.
            await using var fresh = new StoreSession(await OpenAsync(ct), Observers, ownsConnection: true);
            return await work(fresh);
        }
        var session = _idle.TryTake(out var idle) ? idle : new StoreSession(await OpenAsync(ct), Observers, ownsConnection: true);
        T result;
        try
        {
            result = await work(session);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
        if (_idle.Count < MaxIdle) _idle.Add(session);
        else await session.DisposeAsync();
        return result;
    }

    /// <summary>A session on a connection someone else owns (an EF Core context's), for one batch.</summary>
    public StoreSession On(DbConnection connection) => new(connection, Observers, ownsConnection: false);

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await SqlitePragmas.ApplyOnceAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the kept sessions when the server stops.</summary>
    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var session)) await session.DisposeAsync();
    }
}
