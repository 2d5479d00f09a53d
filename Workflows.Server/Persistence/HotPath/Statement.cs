using System.Data.Common;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// One SQL statement with positional parameters (<c>@p0</c>, <c>@p1</c>...), made once and executed many times
/// with new values: SQLite keeps it prepared between executions, and nothing is rebuilt but the values.
/// </summary>
internal sealed class Statement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly IHotPathObserver[] _observers;

    public Statement(DbConnection connection, DbTransaction? transaction, string sql, int parameterCount, IHotPathObserver[] observers)
    {
        _observers = observers;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
#pragma warning disable CA2100 // the texts are the store's own constants; values only ever travel as parameters
        _command.CommandText = sql;
#pragma warning restore CA2100
        _parameters = new DbParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "p" + i;
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    /// <summary>The transaction the statement runs in (a kept statement serves one batch after another).</summary>
    public DbTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    /// <summary>Sets the value of <c>@p{index}</c>; null becomes SQL NULL.</summary>
    public object? this[int index]
    {
        set => _parameters[index].Value = value ?? DBNull.Value;
    }

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(CancellationToken ct)
    {
        Observe();
        return _command.ExecuteNonQueryAsync(ct);
    }

    public Task<DbDataReader> ReadAsync(CancellationToken ct)
    {
        Observe();
        return _command.ExecuteReaderAsync(ct);
    }

    private void Observe()
    {
        foreach (var observer in _observers) observer.Executing(_command);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
