using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// Pragmas apply per connection: synchronous=FULL means what the API acknowledged is on disk;
/// busy_timeout makes concurrent writers wait instead of failing; no commit checkpoints the log (wal_autocheckpoint=0),
/// <see cref="HotPath.SqliteCheckpointer"/> does, in the background. Connections are pooled, and a pooled
/// connection keeps its pragmas, so they are set once per native connection, not at every open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0;";

    // The native connections already set up; a closed one is collected with its entry.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);

    /// <summary>Sets the pragmas on a plain connection opened outside EF Core, unless its native connection has them.</summary>
    public static async Task ApplyOnceAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not SqliteConnection || !IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
