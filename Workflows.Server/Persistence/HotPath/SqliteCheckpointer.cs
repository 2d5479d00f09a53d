using Microsoft.Data.Sqlite;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file in the background, once a second, instead of
/// inside whichever commit crosses SQLite's automatic threshold (<see cref="SqlitePragmas"/> turns that off): a
/// checkpoint writes and flushes pages all over a large file, and a burst's caller should not wait for it. A
/// passive checkpoint never blocks the writer or readers. On PostgreSQL there is nothing to do.
/// </summary>
internal sealed class SqliteCheckpointer(StoreConnections connections, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections.IsPostgres) return;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CheckpointAsync("PASSIVE", stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // On the way out, the log goes back into the file whole: a copied data folder is complete by itself.
        await CheckpointAsync("TRUNCATE", CancellationToken.None);
    }

    private async Task CheckpointAsync(string mode, CancellationToken ct)
    {
        try
        {
            await connections.UseAsync(async session =>
            {
                await session.Statement($"PRAGMA wal_checkpoint({mode})", 0).ExecuteAsync(ct);
                return true;
            }, ct);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // The next tick tries again; until then the log only grows.
            log.LogWarning(e, "A {Mode} checkpoint of the SQLite log failed.", mode);
        }
    }
}
