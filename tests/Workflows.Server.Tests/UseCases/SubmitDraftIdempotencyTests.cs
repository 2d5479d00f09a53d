using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.UseCases;

/// <summary>A draft's Idempotency-Key is committed in the version's own burst, as a start's is: no window between the two.</summary>
public sealed class SubmitDraftIdempotencyTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> SubmitAsync(string id, string key, string markdown)
    {
        var client = _app.ClientAs(People.CoChair);
        client.DefaultRequestHeaders.Add("Idempotency-Key", key);
        return client.PostAsJsonAsync($"/api/instances/{id}/drafts", new { markdown, title = "Joint statement" });
    }

    [Fact]
    public async Task SameKeySentTwiceAtOnce_RecordsOneVersion_AndBothAreAnsweredWithIt()
    {
        await _app.PublishAsync(DraftFlows.Drafting("twice", drafts: 3).Build());
        var id = await DraftFlows.LaunchAsync(_app, "twice");

        var answers = await Task.WhenAll(SubmitAsync(id, "k-1", "States should act."), SubmitAsync(id, "k-1", "States should act."));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(answers[0].Headers.Location, answers[1].Headers.Location);
        Assert.Single(answers, a => a.Headers.Contains("Idempotent-Replayed"));
        Assert.Single((await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts"))!);
        var keys = await _app.QueryAsync(async db => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.IdempotencyKeys, r => r.Key == "k-1"));
        Assert.Equal(1, keys);
    }

    [Fact]
    public async Task SameKeyWithAnotherText_Is422_AndRecordsNothing()
    {
        await _app.PublishAsync(DraftFlows.Drafting("other", drafts: 3).Build());
        var id = await DraftFlows.LaunchAsync(_app, "other");

        var first = await SubmitAsync(id, "k-2", "States should act.");
        var second = await SubmitAsync(id, "k-2", "States should not act.");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Single((await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts"))!);
    }
}
