using System.Data.Common;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// An open connection and the statements prepared on it. Sessions are kept between calls
/// (<see cref="StoreConnections"/>), so the hot path neither reopens a connection nor prepares the same SQL again
/// for every burst: SQLite compiles a statement once per connection, PostgreSQL parses it once.
/// </summary>
internal sealed class StoreSession(DbConnection connection, IHotPathObserver[] observers, bool ownsConnection) : IAsyncDisposable
{
    private readonly Dictionary<string, Statement> _statements = [];

    public DbConnection Connection => connection;

    /// <summary>The statement for <paramref name="sql"/>, made on first use, in <paramref name="transaction"/> (or none).</summary>
    public Statement Statement(string sql, int parameters, DbTransaction? transaction = null)
    {
        if (!_statements.TryGetValue(sql, out var statement))
            _statements[sql] = statement = new Statement(connection, transaction, sql, parameters, observers);
        statement.Transaction = transaction;
        return statement;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values) await statement.DisposeAsync();
        if (ownsConnection) await connection.DisposeAsync();
    }
}
