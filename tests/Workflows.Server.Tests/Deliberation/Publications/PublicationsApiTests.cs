using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation.Publications;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Deliberation.Drafts.DraftFlows;

namespace FocWorkflows.Server.Tests.Deliberation.Publications;

public sealed class PublicationsApiTests
{
    private static readonly DateTimeOffset Embargo = TestApp.Epoch.AddDays(2);

    /// <summary>Drafts, then a publication step with these settings, then the end.</summary>
    private static async Task<string> DraftedAndPublishingAsync(TestApp app, string id, object settings, int drafts = 1)
    {
        await app.PublishAsync(Drafting(id, drafts).Node("publish", PublicationActivity.Type, settings).End()
            .Connect($"draft{drafts}", "publish").Connect("publish", "end").Build());
        var instanceId = await LaunchAsync(app, id);
        var texts = new[] { V1, V2, V3 };
        for (var i = 0; i < drafts; i++)
            Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(app, instanceId, People.CoChair, texts[i], title: "AI statement")).StatusCode);
        return instanceId;
    }

    private static async Task<string> PublicationIdAsync(TestApp app, string instanceId) =>
        (await app.StateAsync(instanceId)).Outputs["publish"]!["publicationId"]!.GetValue<string>();

    [Fact]
    public async Task Publish_WithoutReleaseAt_ReleasesAtOnceAndIsPubliclyReadable()
    {
        using var app = new TestApp();
        var instanceId = await DraftedAndPublishingAsync(app, "at-once", new { languages = new[] { "fr", "es", "ar" }, signatories = new[] { "CH", "nl" } }, drafts: 2);
        var publicationId = await PublicationIdAsync(app, instanceId);

        var anonymous = app.ClientAs(null);
        var publication = await anonymous.GetFromJsonAsync<JsonObject>($"/api/publications/{publicationId}");
        var list = await anonymous.GetFromJsonAsync<JsonArray>("/api/publications");

        Assert.Equal(InstanceStatus.Finished, (await app.InstanceAsync(instanceId)).Status);
        Assert.Equal("released", publication!["status"]!.GetValue<string>());
        Assert.Equal(2, publication["version"]!.GetValue<int>());
        Assert.Equal(V2.Replace("\r\n", "\n"), publication["markdown"]!.GetValue<string>());
        Assert.Equal(TestApp.Epoch, publication["releasedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["Switzerland", "Netherlands"], publication["signatories"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(["ar", "es", "fr"], publication["translations"]!.AsArray().Select(t => t!["language"]!.GetValue<string>()));
        Assert.All(publication["translations"]!.AsArray(), t => Assert.Equal("pending", t!["status"]!.GetValue<string>()));
        Assert.All(publication["translations"]!.AsArray(), t => Assert.Equal(2, t!["sourceVersion"]!.GetValue<int>()));
        Assert.Null(publication["instanceId"]);
        Assert.Equal(publicationId, Assert.Single(list!)!["id"]!.GetValue<string>());
        var output = (await app.StateAsync(instanceId)).Outputs["publish"]!;
        Assert.Equal(["CH", "NL"], output["signatories"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains(await app.JournalAsync(instanceId), j => j.Event == "published");
    }

    [Fact]
    public async Task Publish_AtScheduledTime_IsHiddenFromThePublicUntilTheTimerFires()
    {
        using var app = new TestApp();
        var instanceId = await DraftedAndPublishingAsync(app, "embargo", new { releaseAt = Embargo, languages = new[] { "fr" } });
        var publicationId = await PublicationIdAsync(app, instanceId);
        var anonymous = app.ClientAs(null);

        var hidden = await anonymous.GetAsync($"/api/publications/{publicationId}");
        var publicList = await anonymous.GetFromJsonAsync<JsonArray>("/api/publications");
        var internalView = await app.ClientAs(People.MemberGhana).GetFromJsonAsync<JsonObject>($"/api/publications/{publicationId}");
        app.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        var earlyFired = await app.Runtime.FireDueTimersAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await app.Runtime.FireDueTimersAsync(CancellationToken.None);
        var released = await anonymous.GetFromJsonAsync<JsonObject>($"/api/publications/{publicationId}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Empty(publicList!);
        Assert.Equal("scheduled", internalView!["status"]!.GetValue<string>());
        Assert.Equal(0, earlyFired);
        Assert.Equal("released", released!["status"]!.GetValue<string>());
        Assert.Equal(Embargo, released["releasedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(InstanceStatus.Finished, (await app.InstanceAsync(instanceId)).Status);
        var published = (await app.JournalAsync(instanceId)).Single(j => j.Event == "published");
        Assert.Equal(Embargo, published.At);
    }

    [Fact]
    public async Task Publish_ReleaseAtInThePast_ReleasesAtOnce()
    {
        using var app = new TestApp();
        var instanceId = await DraftedAndPublishingAsync(app, "past", new { releaseAt = TestApp.Epoch.AddHours(-1) });

        var publicationId = await PublicationIdAsync(app, instanceId);

        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs(null).GetAsync($"/api/publications/{publicationId}")).StatusCode);
        Assert.Equal(InstanceStatus.Finished, (await app.InstanceAsync(instanceId)).Status);
    }

    [Fact]
    public async Task Publish_SignatoriesFromAnExpression_AreLockedWithTheText()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("signers", drafts: 1)
            .Node("publish", PublicationActivity.Type, new { signatories = Flow.Js("input.signers") }).End()
            .Connect("draft1", "publish").Connect("publish", "end").Build());
        var instanceId = (await app.StartAsync("signers", new JsonObject { ["taskForceId"] = TaskForce, ["signers"] = new JsonArray("EE", "KE") })).Id;
        await SubmitAsync(app, instanceId, People.CoChair, V1);

        var publicationId = await PublicationIdAsync(app, instanceId);
        var publication = await app.ClientAs(null).GetFromJsonAsync<JsonObject>($"/api/publications/{publicationId}");

        Assert.Equal(["Estonia", "Kenya"], publication!["signatories"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Publish_WithDissociatedMembers_ShowsThemApart_AndKeepsTheSignatoriesOrder()
    {
        using var app = new TestApp();
        var instanceId = await DraftedAndPublishingAsync(app, "apart", new { signatories = new[] { "KE", "EE", "CA" }, dissociated = new[] { "jp", "CA" } });

        var publication = await app.ClientAs(null).GetFromJsonAsync<JsonObject>($"/api/publications/{await PublicationIdAsync(app, instanceId)}");

        Assert.Equal(["KE", "EE", "CA"], publication!["signatories"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()));
        // A member cannot both adopt the text and dissociate from it: the signature stands.
        Assert.Equal(["Japan"], publication["dissociated"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Publish_WithoutAnyDraft_FaultsTheInstance()
    {
        using var app = new TestApp();
        await app.PublishAsync(Flow.Define("nothing").Start().Node("publish", PublicationActivity.Type).End().Chain("start", "publish", "end").Build());

        var instanceId = await LaunchAsync(app, "nothing");

        Assert.Equal(InstanceStatus.Faulted, (await app.InstanceAsync(instanceId)).Status);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Publication>().CountAsync()));
    }
}
