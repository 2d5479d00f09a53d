using System.Text.Json.Nodes;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Persistence.Journal;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// Edits a stored journal line behind the engine's back, as someone with access to the database would: the line
/// is changed (or taken out) inside its burst's row, and the row written back.
/// </summary>
public static class JournalTampering
{
    public static Task EditLineAsync(this TestApp app, string instanceId, long sequence, Action<JsonObject> edit) =>
        app.QueryAsync(db => EditLineAsync(db, instanceId, sequence, edit));

    public static Task DeleteLineAsync(this TestApp app, string instanceId, long sequence) =>
        app.QueryAsync(db => EditLineAsync(db, instanceId, sequence, null));

    /// <summary>Changes the line through <paramref name="edit"/>, or deletes it when that is null.</summary>
    public static async Task<int> EditLineAsync(WorkflowDbContext db, string instanceId, long sequence, Action<JsonObject>? edit)
    {
        var row = await db.JournalBursts.AsNoTracking()
            .SingleAsync(r => r.InstanceId == instanceId && r.FirstSequence <= sequence && r.LastSequence >= sequence);
        var lines = JsonNode.Parse(row.EntriesJson)!.AsArray();
        var line = lines.Single(l => l!["sequence"]!.GetValue<long>() == sequence)!.AsObject();
        if (edit is null) lines.Remove(line);
        else edit(line);
        var rows = db.JournalBursts.Where(r => r.InstanceId == instanceId && r.FirstSequence == row.FirstSequence);
        return lines.Count == 0
            ? await rows.ExecuteDeleteAsync()
            : await rows.ExecuteUpdateAsync(s => s.SetProperty(r => r.EntriesJson, lines.ToJsonString()));
    }

    /// <summary>Every stored line of every instance, or of one.</summary>
    public static Task<List<Server.Engine.State.JournalEntry>> StoredLinesAsync(this TestApp app, string? instanceId = null) =>
        app.QueryAsync(async db =>
        {
            var rows = await db.JournalBursts.AsNoTracking().Where(r => instanceId == null || r.InstanceId == instanceId).ToListAsync();
            return rows.SelectMany(JournalBurstJson.Read).ToList();
        });
}
