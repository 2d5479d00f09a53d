using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Tests.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.UseCases;

/// <summary>What the two doors once did differently now behaves the same through both.</summary>
public sealed class DriftTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SubmitDraft_TitleAndNote_AreKeptAndTrimmedTheSameThroughBothDoors()
    {
        await _app.PublishAsync(DraftFlows.Drafting("drift").Build());
        var id = await DraftFlows.LaunchAsync(_app, "drift");

        var api = await _app.ClientAs(People.CoChair).PostAsJsonAsync($"/api/instances/{id}/drafts",
            new { markdown = "First.", title = "  Joint statement  ", note = "  from the API  " });
        var page = await _app.Services.GetRequiredService<IDraftsPort>().SubmitAsync(id, People.CoChair,
            new DraftSubmission("Second.", "  from the page  ", "  Joint statement (revised)  "), default);

        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.True(page.Succeeded, page.Message);
        var versions = (await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts"))!;
        Assert.Equal(["Joint statement", "Joint statement (revised)"], versions.Select(v => v!["title"]!.GetValue<string>()));
        Assert.Equal(["from the API", "from the page"], versions.Select(v => v!["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SubmitDraft_EmptyText_IsRefusedWithTheSameWordsThroughBothDoors()
    {
        await _app.PublishAsync(DraftFlows.Drafting("drift-empty", drafts: 1).Build());
        var id = await DraftFlows.LaunchAsync(_app, "drift-empty");

        var api = await _app.ClientAs(People.CoChair).PostAsJsonAsync($"/api/instances/{id}/drafts", new { markdown = " " });
        var page = await _app.Services.GetRequiredService<IDraftsPort>().SubmitAsync(id, People.CoChair, new DraftSubmission(" ", null), default);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var apiError = (await api.ReadAsync<JsonObject>())["errors"]!["markdown"]![0]!.GetValue<string>();
        Assert.Equal(apiError, page.ErrorOf("markdown"));
    }
}
