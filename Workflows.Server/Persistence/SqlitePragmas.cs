using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// Pragmas apply per connection and connections are pooled, so they are set on every open:
/// synchronous=FULL means what the API acknowledged is on disk; busy_timeout makes concurrent
/// writers wait instead of failing.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
