using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Persistence;

/// <summary>
/// Commits never checkpoint SQLite's log themselves; the background checkpointer does, on the real clock, and
/// empties the log into the file when the server stops.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "focwf-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task CommittedBursts_AreCheckpointedInTheBackground_AndTheLogIsEmptiedAtStop()
    {
        var database = Path.Combine(_folder, "focworkflows.db");
        using (var app = new TestApp(dataFolder: _folder))
        {
            await app.PublishAsync(Define("wait").Start().Node("wait", ControlActivityTypes.WaitForEvent, new { eventName = "go" }).Chain("start", "wait").Build());
            for (var i = 0; i < 19; i++) await app.StartAsync("wait");
            var before = File.GetLastWriteTimeUtc(database);
            await app.StartAsync("wait");

            // A commit writes the log only; the database file itself changes when a checkpoint copies the log into it.
            Assert.Equal(0, AutoCheckpoint(app));
            await TestApp.EventuallyAsync(() => Task.FromResult(File.GetLastWriteTimeUtc(database) > before),
                "the background checkpointer copied the last commit into the file");
        }

        Assert.True(!File.Exists(database + "-wal") || new FileInfo(database + "-wal").Length == 0, "the log was emptied at stop");
        Assert.Equal(20, Count(database, "SELECT COUNT(*) FROM \"Instances\""));
    }

    private static long AutoCheckpoint(TestApp app) => app.QueryAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return (long)(await command.ExecuteScalarAsync())!;
    }).GetAwaiter().GetResult();

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
