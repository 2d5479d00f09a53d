using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Persistence.Journal;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FocWorkflows.Server.Tests.Persistence;

/// <summary>
/// Migrations that move data keep it: a database written before journals were stored a row per burst keeps its
/// record (every line moved exactly, the chains still verify); tasks stored before the assignee index are found in
/// their assignees' inboxes.
/// </summary>
public sealed class DataMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "focwf-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LinesStoredOneARow_AfterTheMigration_ReadBackExactly_AndVerify(bool onPostgres)
    {
        await using var db = Open(onPostgres);
        await MigrateToJustBeforeAsync(db, "_JournalPerBurst");
        var at = new DateTimeOffset(2026, 12, 6, 9, 30, 15, 123, TimeSpan.FromHours(1));
        var lines = Chain("old-instance", at, 3);
        await StoreTheOldWayAsync(db, lines);

        await db.Database.MigrateAsync();

        var read = await JournalReading.LinesAsync(db, "old-instance").ToListAsync();
        Assert.Equal(lines.Select(Fields), read.Select(Fields));
        var verifier = new JournalVerifier();
        foreach (var line in read) verifier.Add(line);
        verifier.End(3, lines[^1].Hash);
        Assert.True(verifier.Intact);
        Assert.Equal(3, await db.JournalBursts.CountAsync()); // a row per old line
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TasksStoredBeforeTheAssigneeIndex_AfterTheMigration_AreIndexedByEachAssignee(bool onPostgres)
    {
        await using var db = Open(onPostgres);
        await MigrateToJustBeforeAsync(db, "_TaskAssignees");
        await db.Database.OpenConnectionAsync();
        await InsertAsync(db, "INSERT INTO \"Tasks\" (\"Id\", \"InstanceId\", \"NodeId\", \"BookmarkId\", \"Title\", \"AssigneesJson\", \"ActionsJson\", " +
            "\"FieldsJson\", \"CreatedAt\", \"Status\") VALUES (@p0, 'i', 'n', 'b', 'Review', @p1, '[]', '[]', 0, 'Open')",
            "task-1", "[\"Chair@FOC.example\",\"role:Secretariat\",\"chair@foc.example\"]");

        await db.Database.MigrateAsync();

        var rows = await db.TaskAssignees.OrderBy(a => a.Assignee).Select(a => a.Assignee + " " + a.TaskId).ToListAsync();
        Assert.Equal(["chair@foc.example task-1", "role:secretariat task-1"], rows);
    }

    private static async Task MigrateToJustBeforeAsync(WorkflowDbContext db, string migration)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.IndexOf(migrations.Single(m => m.EndsWith(migration, StringComparison.Ordinal))) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
    }

    private static string Fields(JournalEntry e) =>
        string.Join('|', e.InstanceId, e.Sequence, e.At.UtcTicks, e.NodeId, e.ActivityType, e.Event, e.Actor, e.OnBehalfOf, e.Outcome, e.DetailsJson, e.PreviousHash, e.Hash);

    private static List<JournalEntry> Chain(string instanceId, DateTimeOffset at, int count)
    {
        var lines = new List<JournalEntry>();
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var previous = lines.LastOrDefault()?.Hash;
            JournalEntry Line(string hash) => new()
            {
                InstanceId = instanceId, Sequence = sequence, At = at.AddSeconds(sequence), NodeId = sequence == 1 ? null : "node-" + sequence,
                ActivityType = "control.log", Event = JournalEvents.Log, Actor = People.Chair, OnBehalfOf = sequence == 2 ? People.Secretariat : null,
                Outcome = null, DetailsJson = sequence == 3 ? "{\"message\":\"Gr\u00fc\u00dfe, \\\"quoted\\\"\"}" : null, PreviousHash = previous, Hash = hash,
            };
            lines.Add(Line(JournalWriter.Hash(Line(""), previous)));
        }
        return lines;
    }

    private static async Task StoreTheOldWayAsync(WorkflowDbContext db, IReadOnlyList<JournalEntry> lines)
    {
        var converter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter();
        await db.Database.OpenConnectionAsync();
        await InsertAsync(db, "INSERT INTO \"Instances\" (\"Id\", \"DefinitionId\", \"DefinitionVersion\", \"Status\", \"CreatedAt\", \"UpdatedAt\", " +
            "\"InputJson\", \"StateJson\", \"JournalSequence\", \"JournalHead\", \"Stamp\") VALUES (@p0, 'old', 1, 'Waiting', 0, 0, '{}', '{}', @p1, @p2, 3)",
            lines[0].InstanceId, lines[^1].Sequence, lines[^1].Hash);
        foreach (var e in lines)
            await InsertAsync(db, "INSERT INTO \"Journal\" (\"InstanceId\", \"Sequence\", \"At\", \"NodeId\", \"ActivityType\", \"Event\", \"Actor\", " +
                "\"OnBehalfOf\", \"Outcome\", \"DetailsJson\", \"PreviousHash\", \"Hash\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)",
                e.InstanceId, e.Sequence, converter.ConvertToProviderTyped(e.At), e.NodeId, e.ActivityType, e.Event, e.Actor, e.OnBehalfOf, e.Outcome,
                e.DetailsJson, e.PreviousHash, e.Hash);
    }

    private static async Task InsertAsync(WorkflowDbContext db, string sql, params object?[] values)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i;
            parameter.Value = values[i] ?? DBNull.Value;
            // An untyped NULL is still a text column's value on PostgreSQL.
            if (values[i] is null) parameter.DbType = System.Data.DbType.String;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    private WorkflowDbContext Open(bool onPostgres)
    {
        if (onPostgres)
            return new PostgresWorkflowDbContext(new DbContextOptionsBuilder<PostgresWorkflowDbContext>().UseNpgsql(PostgresServer.NewDatabase()).Options);
        Directory.CreateDirectory(_folder);
        return new SqliteWorkflowDbContext(new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "journal.db")};Pooling=False").Options);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
