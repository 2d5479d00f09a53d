using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// Plain connections to the database the EF Core contexts use, for the engine's hot path: a burst's load is
/// one round trip on one connection, without a context around it. SQLite connections get the same pragmas
/// as the contexts' (<see cref="SqlitePragmas"/>), once per native connection.
/// </summary>
internal sealed class StoreConnections
{
    private readonly string _connectionString;

    public StoreConnections(IDbContextFactory<WorkflowDbContext> contexts, IEnumerable<IHotPathObserver> observers)
    {
        Observers = [.. observers];
        using var db = contexts.CreateDbContext();
        _connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        IsPostgres = db.IsPostgres;
    }

    public bool IsPostgres { get; }

    public IHotPathObserver[] Observers { get; }

    /// <summary>A statement on <paramref name="connection"/>, seen by the observers.</summary>
    public Statement Statement(DbConnection connection, DbTransaction? transaction, string sql, int parameters) =>
        new(connection, transaction, sql, parameters, Observers);

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
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
}
