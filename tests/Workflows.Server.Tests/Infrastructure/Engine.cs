using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence.Journal;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>Shortcuts for engine tests that drive the runtime directly.</summary>
public static class EngineTestExtensions
{
    public static async Task<WorkflowInstance> StartAsync(this TestApp app, string definitionId, JsonObject? input = null, string? key = null) =>
        (await app.Runtime.StartAsync(new StartRequest(definitionId, null, input, People.Chair, key), CancellationToken.None)).Instance;

    public static Task<WorkflowInstance> InstanceAsync(this TestApp app, string id) =>
        app.QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == id));

    public static async Task<InstanceState> StateAsync(this TestApp app, string id) =>
        JsonSerializer.Deserialize<InstanceState>((await app.InstanceAsync(id)).StateJson, StateJson.Options)!;

    public static Task<List<JournalEntry>> JournalAsync(this TestApp app, string id) =>
        app.QueryAsync(db => JournalReading.LinesAsync(db, id).ToListAsync().AsTask());

    public static Task<List<Bookmark>> BookmarksAsync(this TestApp app, string id) =>
        app.QueryAsync(db => db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id).ToListAsync());

    public static Task<List<HumanTask>> TasksAsync(this TestApp app, string id) =>
        app.QueryAsync(db => db.Tasks.AsNoTracking().Where(t => t.InstanceId == id).ToListAsync());

    /// <summary>The nodes that completed, in order, from the journal.</summary>
    public static async Task<List<string>> CompletedNodesAsync(this TestApp app, string id) =>
        [.. (await app.JournalAsync(id)).Where(j => j.Event == JournalEvents.Completed).Select(j => j.NodeId!)];
}
