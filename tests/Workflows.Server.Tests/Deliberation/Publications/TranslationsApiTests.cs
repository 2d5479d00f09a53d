using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation.Publications;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Deliberation.Drafts.DraftFlows;

namespace FocWorkflows.Server.Tests.Deliberation.Publications;

public sealed class TranslationsApiTests
{
    private static async Task<(string InstanceId, string PublicationId)> ScheduledAsync(TestApp app, string id)
    {
        await app.PublishAsync(Drafting(id, drafts: 2)
            .Node("publish", PublicationActivity.Type, new { releaseAt = TestApp.Epoch.AddDays(1), languages = new[] { "fr", "es" } }).End()
            .Connect("draft2", "publish").Connect("publish", "end").Build());
        var instanceId = await LaunchAsync(app, id);
        await SubmitAsync(app, instanceId, People.CoChair, V1);
        await SubmitAsync(app, instanceId, AdvisorCoLead, V2);
        var publicationId = (await app.StateAsync(instanceId)).Outputs["publish"]!["publicationId"]!.GetValue<string>();
        return (instanceId, publicationId);
    }

    private static Task<HttpResponseMessage> TranslateAsync(TestApp app, string publicationId, string email, string language,
        string markdown, int? sourceVersion = null, string? onBehalfOf = null) =>
        app.ClientAs(email).PutAsJsonAsync($"/api/publications/{publicationId}/translations/{language}", new { markdown, sourceVersion, onBehalfOf });

    [Fact]
    public async Task Put_ByPenHolderWhileScheduled_RecordsTheTranslationAgainstItsSourceVersion()
    {
        using var app = new TestApp();
        var (instanceId, publicationId) = await ScheduledAsync(app, "translate");

        var french = await TranslateAsync(app, publicationId, People.CoChair, "fr", "# Déclaration commune\n\nLa Coalition…");
        var spanish = await TranslateAsync(app, publicationId, People.Secretariat, "es", "# Declaración conjunta", sourceVersion: 1);

        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        Assert.Equal(HttpStatusCode.OK, spanish.StatusCode);
        var publication = await app.ClientAs(People.MemberGhana).GetFromJsonAsync<JsonObject>($"/api/publications/{publicationId}");
        var translations = publication!["translations"]!.AsArray().ToDictionary(t => t!["language"]!.GetValue<string>());
        Assert.Equal("provided", translations["fr"]!["status"]!.GetValue<string>());
        Assert.Equal(2, translations["fr"]!["sourceVersion"]!.GetValue<int>());
        Assert.True(translations["fr"]!["current"]!.GetValue<bool>());
        Assert.Contains("<h1", translations["fr"]!["html"]!.GetValue<string>());
        Assert.Equal(1, translations["es"]!["sourceVersion"]!.GetValue<int>());
        Assert.False(translations["es"]!["current"]!.GetValue<bool>());
        var journaled = (await app.JournalAsync(instanceId)).Where(j => j.Event == "translation-provided").ToList();
        Assert.Equal([People.CoChair, People.Secretariat], journaled.Select(j => j.Actor));
    }

    [Fact]
    public async Task Put_ByNonPenHolder_Returns403AndLeavesItPending()
    {
        using var app = new TestApp();
        var (_, publicationId) = await ScheduledAsync(app, "translate-refused");

        var response = await TranslateAsync(app, publicationId, People.MemberCanada, "fr", "Texte");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var translation = await app.QueryAsync(db => db.Set<Translation>().SingleAsync(t => t.PublicationId == publicationId && t.Language == "fr"));
        Assert.Equal(TranslationStatus.Pending, translation.Status);
        Assert.Null(translation.Markdown);
    }

    [Fact]
    public async Task Put_InvalidRequests_AreRefusedWithTheirStatus()
    {
        using var app = new TestApp();
        var (_, publicationId) = await ScheduledAsync(app, "translate-invalid");

        var unexpectedLanguage = await TranslateAsync(app, publicationId, People.CoChair, "de", "Text");
        var empty = await TranslateAsync(app, publicationId, People.CoChair, "fr", " ");
        var futureSource = await TranslateAsync(app, publicationId, People.CoChair, "fr", "Texte", sourceVersion: 3);
        var unknown = await TranslateAsync(app, "nope", People.CoChair, "fr", "Texte");

        Assert.Equal(HttpStatusCode.NotFound, unexpectedLanguage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, futureSource.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Translation>().CountAsync(t => t.Status == TranslationStatus.Provided)));
    }

    [Fact]
    public async Task Put_AfterRelease_Returns409AndKeepsTheLockedText()
    {
        using var app = new TestApp();
        var (_, publicationId) = await ScheduledAsync(app, "translate-late");
        await TranslateAsync(app, publicationId, People.CoChair, "fr", "Avant");
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.Runtime.FireDueTimersAsync(CancellationToken.None);

        var late = await TranslateAsync(app, publicationId, People.CoChair, "fr", "Après");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var translation = await app.QueryAsync(db => db.Set<Translation>().SingleAsync(t => t.PublicationId == publicationId && t.Language == "fr"));
        Assert.Equal("Avant", translation.Markdown);
    }

    [Fact]
    public async Task Put_Anonymous_Returns401()
    {
        using var app = new TestApp();
        var (_, publicationId) = await ScheduledAsync(app, "translate-anonymous");

        var response = await app.ClientAs(null).PutAsJsonAsync($"/api/publications/{publicationId}/translations/fr", new { markdown = "Texte" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
