using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Deliberation.Drafts.DraftFlows;

namespace FocWorkflows.Server.Tests.Deliberation.Drafts;

public sealed class DraftsApiTests
{
    [Fact]
    public async Task Submit_ThreeVersionsByPenHolders_NumbersThemAndCompletesEachStep()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("three-drafts").Build());
        var id = await LaunchAsync(app, "three-drafts");

        var first = await SubmitAsync(app, id, People.CoChair, V1, title: "Joint statement");
        var second = await SubmitAsync(app, id, AdvisorCoLead, V2);
        var third = await SubmitAsync(app, id, People.CoChair, V3, title: "Joint statement (final)");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal($"/api/instances/{id}/drafts/3", third.Headers.Location?.ToString());
        Assert.Equal(2, (await second.ReadAsync<JsonObject>())["number"]!.GetValue<int>());
        var list = await app.ClientAs(People.MemberCanada).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts");
        Assert.NotNull(list);
        Assert.Equal([1, 2, 3], list.Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(["Joint statement", "Joint statement", "Joint statement (final)"], list.Select(v => v!["title"]!.GetValue<string>()));
        Assert.Equal([People.CoChair, AdvisorCoLead, People.CoChair], list.Select(v => v!["submittedBy"]!.GetValue<string>()));
        Assert.Null(list[0]!["markdown"]);
        var submitted = (await app.JournalAsync(id)).Where(j => j.Event == "draft-submitted").ToList();
        Assert.Equal(3, submitted.Count);
        Assert.Equal(3, JsonNode.Parse(submitted[2].DetailsJson!)!["version"]!.GetValue<int>());
        Assert.Equal(InstanceStatus.Finished, (await app.InstanceAsync(id)).Status);
        Assert.Equal(3, (await app.StateAsync(id)).Outputs["draft3"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task DraftStep_WhenOpen_PutsAnInboxTaskForThePenHoldersOnly()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("inbox", drafts: 1).Build());
        var id = await LaunchAsync(app, "inbox");

        var coChairInbox = await app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>("/api/tasks");
        var advisorInbox = await app.ClientAs(AdvisorCoLead).GetFromJsonAsync<JsonArray>("/api/tasks");
        var canadaInbox = await app.ClientAs(People.MemberCanada).GetFromJsonAsync<JsonArray>("/api/tasks");

        var task = Assert.Single(coChairInbox!);
        Assert.Equal($"/api/instances/{id}/drafts", task!["resourceHref"]!.GetValue<string>());
        Assert.Equal("Submit draft 1", task["title"]!.GetValue<string>());
        Assert.Single(advisorInbox!);
        Assert.Empty(canadaInbox!);
    }

    [Fact]
    public async Task Submit_ByNonPenHolder_Returns403AndWritesNothing()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("refused", drafts: 1).Build());
        var id = await LaunchAsync(app, "refused");
        var journalBefore = (await app.JournalAsync(id)).Count;

        var response = await SubmitAsync(app, id, People.MemberCanada, V1);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<DraftVersion>().CountAsync()));
        Assert.Equal(journalBefore, (await app.JournalAsync(id)).Count);
        Assert.Contains(await app.BookmarksAsync(id), b => b.Kind == "deliberation.draft");
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(app, id, People.CoChair, V1)).StatusCode);
    }

    [Fact]
    public async Task Submit_BySecretariatOnBehalfOfPenHolder_JournalsBoth()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("on-behalf", drafts: 1).Build());
        var id = await LaunchAsync(app, "on-behalf");

        var response = await SubmitAsync(app, id, People.Secretariat, V1, onBehalfOf: People.CoChair);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadAsync<JsonObject>();
        Assert.Equal(People.Secretariat, body["submittedBy"]!.GetValue<string>());
        Assert.Equal(People.CoChair, body["onBehalfOf"]!.GetValue<string>());
        var entry = (await app.JournalAsync(id)).Single(j => j.Event == "draft-submitted");
        Assert.Equal(People.Secretariat, entry.Actor);
        Assert.Equal(People.CoChair, entry.OnBehalfOf);
    }

    [Fact]
    public async Task Submit_JournalsTheVersionByNumberAndHash_NeverTheWholeText()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("by-reference", drafts: 1).Build());
        var id = await LaunchAsync(app, "by-reference");

        await SubmitAsync(app, id, People.CoChair, V1);

        var journal = await app.JournalAsync(id);
        Assert.All(journal, j => Assert.DoesNotContain("mass surveillance", j.DetailsJson ?? ""));
        var resumed = JsonNode.Parse(journal.Single(j => j.Event == JournalEvents.Resumed).DetailsJson!)!["payload"]!;
        Assert.Null(resumed["markdown"]);
        var submitted = JsonNode.Parse(journal.Single(j => j.Event == "draft-submitted").DetailsJson!)!;
        Assert.Equal(1, submitted["version"]!.GetValue<int>());
        var stored = await app.QueryAsync(db => db.Set<DraftVersion>().AsNoTracking().SingleAsync(d => d.InstanceId == id));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stored.Markdown)));
        Assert.Equal(sha, submitted["markdownSha256"]!.GetValue<string>());
        Assert.Equal(stored.Id, submitted["versionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_BySecretariatOnBehalfOfNonPenHolder_Returns403()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("on-behalf-refused", drafts: 1).Build());
        var id = await LaunchAsync(app, "on-behalf-refused");

        var response = await SubmitAsync(app, id, People.Secretariat, V1, onBehalfOf: People.MemberGhana);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<DraftVersion>().CountAsync()));
    }

    [Fact]
    public async Task Submit_WithoutTaskForce_FallsBackToSecretariatAndChair()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("no-task-force", drafts: 2).Build());
        var id = await LaunchAsync(app, "no-task-force", taskForceId: null);

        var byCoChair = await SubmitAsync(app, id, People.CoChair, V1);
        var byChair = await SubmitAsync(app, id, People.Chair, V1);
        var bySecretariat = await SubmitAsync(app, id, People.Secretariat, V2);

        Assert.Equal(HttpStatusCode.Forbidden, byCoChair.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byChair.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bySecretariat.StatusCode);
    }

    [Fact]
    public async Task Submit_EmptyMarkdown_Returns400()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("empty", drafts: 1).Build());
        var id = await LaunchAsync(app, "empty");

        var response = await SubmitAsync(app, id, People.CoChair, "   ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("markdown", (await response.ReadAsync<JsonObject>())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<DraftVersion>().CountAsync()));
    }

    [Fact]
    public async Task Submit_WhenNoDraftStepIsOpen_Returns409()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("closed", drafts: 1).Build());
        var id = await LaunchAsync(app, "closed");
        await SubmitAsync(app, id, People.CoChair, V1);

        var late = await SubmitAsync(app, id, People.CoChair, V2);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<DraftVersion>().CountAsync()));
    }

    [Fact]
    public async Task Submit_RetriedWithSameIdempotencyKey_CreatesOneVersion()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("retry", drafts: 2).Build());
        var id = await LaunchAsync(app, "retry");

        var first = await SubmitAsync(app, id, People.CoChair, V1, idempotencyKey: "k-1");
        var retry = await SubmitAsync(app, id, People.CoChair, V1, idempotencyKey: "k-1");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadAsync<JsonObject>())["number"]!.GetValue<int>(), (await retry.ReadAsync<JsonObject>())["number"]!.GetValue<int>());
        Assert.Equal(1, await app.QueryAsync(db => db.Set<DraftVersion>().CountAsync()));
    }

    [Fact]
    public async Task Get_UnknownInstanceOrVersion_Returns404()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("missing", drafts: 1).Build());
        var id = await LaunchAsync(app, "missing");
        await SubmitAsync(app, id, People.CoChair, V1);
        var client = app.ClientAs(People.MemberCanada);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/instances/nope/drafts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/instances/{id}/drafts/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/instances/{id}/drafts/1/diff/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(app, "nope", People.CoChair, V1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/instances/{id}/drafts/1")).StatusCode);
    }
}
