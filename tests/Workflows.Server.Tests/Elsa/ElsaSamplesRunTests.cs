using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Elsa;

/// <summary>
/// Elsa 3's own sample workflows, imported, published and run on the real server. The expected lines
/// are the ones Elsa's integration tests expect from the same files.
/// </summary>
public sealed class ElsaSamplesRunTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Imports a sample, checks it against the server's catalog, publishes it and returns its id.</summary>
    private async Task<string> PublishSampleAsync(string file)
    {
        var json = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Elsa", "Samples", file)));
        var definition = new ElsaImporter().Import(json).Definition!;
        var findings = new DefinitionValidator(_app.Services.GetRequiredService<IActivityCatalog>()).Validate(definition);
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Code} {f.Path}: {f.Message}")));
        return (await _app.PublishAsync(definition)).Id;
    }

    private async Task<List<string>> LinesAsync(string instanceId) =>
    [
        .. (await _app.JournalAsync(instanceId)).Where(j => j.Event == JournalEvents.Log)
            .Select(j => JsonNode.Parse(j.DetailsJson!)!["message"]!.GetValue<string>()),
    ];

    private async Task<int> CompletionsAsync(string instanceId, string nodeId) =>
        (await _app.CompletedNodesAsync(instanceId)).Count(id => id == nodeId);

    [Fact]
    public async Task HelloWorld_WritesItsLineAndFinishes()
    {
        var id = await PublishSampleAsync("hello-world.json");

        var instance = await _app.StartAsync(id);

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(["Hello World!"], await LinesAsync(instance.Id));
        Assert.Equal(["start", "b039045bb7443e57"], await _app.CompletedNodesAsync(instance.Id));
    }

    [Fact]
    public async Task Fork_RunsEachOfItsThreeBranchesOnce()
    {
        var id = await PublishSampleAsync("fork.json");

        var instance = await _app.StartAsync(id);

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(["One", "Two", "Three"], await LinesAsync(instance.Id));
        var fork = (await _app.JournalAsync(instance.Id)).Single(j => j.Event == JournalEvents.Completed && j.NodeId == "c0e09e3ac3cfdba7");
        Assert.Equal("One,Two,Three", fork.Outcome);
    }

    [Fact]
    public async Task JoinAll_WaitsForBothLinesThenContinuesOnce()
    {
        var id = await PublishSampleAsync("join-all-1.json");

        var instance = await _app.StartAsync(id);

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(["Start", "Line 1", "Line 2", "End"], await LinesAsync(instance.Id));
        Assert.Equal(1, await CompletionsAsync(instance.Id, "aA4pfJOzyEqmLOY3U3vCoQ"));
        Assert.Empty((await _app.StateAsync(instance.Id)).Joins);
    }

    [Fact]
    public async Task JoinAny_ContinuesAfterTheFirstBranchOnly()
    {
        var id = await PublishSampleAsync("join-any-1.json");

        var instance = await _app.StartAsync(id);

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(["Start", "End"], await LinesAsync(instance.Id));
        // Both first-level joins pass their single branch on; the last join continues only with the first.
        Assert.Equal(1, await CompletionsAsync(instance.Id, "H0apwXYdoESn2TJ5T_3xAg"));
        Assert.Equal(1, await CompletionsAsync(instance.Id, "haHoM3A5EU6aYu_8dCYaYg"));
    }

    [Fact]
    public async Task ImplicitLoop_CountsWithElsaScriptFunctionsAndLoopsOnce()
    {
        var id = await PublishSampleAsync("implicit-loop.json");

        var instance = await _app.StartAsync(id);

        Assert.Equal(InstanceStatus.Finished, instance.Status);
        Assert.Equal(["Do something", "Retry", "Do something", "Done"], await LinesAsync(instance.Id));
        Assert.Equal(2, (await _app.StateAsync(instance.Id)).Variables["Counter"]!.GetValue<int>());
        Assert.Equal(2, await CompletionsAsync(instance.Id, "SetVariable1"));
    }

    [Fact]
    public async Task Timer_WaitsItsIntervalThenWritesItsLine()
    {
        var id = await PublishSampleAsync("timer-workflow.json");
        var instance = await _app.StartAsync(id);
        Assert.Equal(InstanceStatus.Waiting, instance.Status);
        var timer = Assert.Single(await _app.BookmarksAsync(instance.Id));
        Assert.Equal((BookmarkKinds.Timer, "89ab56281a99239", TestApp.Epoch.AddMinutes(1)), (timer.Kind, timer.NodeId, timer.DueAt));
        Assert.Empty(await LinesAsync(instance.Id));

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        // The server's own timer worker wakes on the same clock and may fire it first; either way it fires once.
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);

        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(instance.Id)).Status);
        var resumed = Assert.Single(await _app.JournalAsync(instance.Id), j => j.Event == JournalEvents.Resumed);
        Assert.Equal(BookmarkKinds.Timer, JsonNode.Parse(resumed.DetailsJson!)!["bookmark"]!.GetValue<string>());
        Assert.Equal(["Hello from timer"], await LinesAsync(instance.Id));
        Assert.Empty(await _app.BookmarksAsync(instance.Id));
    }
}
