using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Designer;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api.Access;

/// <summary>What the access rules show beyond a status: which instances a list holds, which versions and comments one reads.</summary>
public sealed class VisibilityTests : IDisposable
{
    private const string Kenya = "diplomat.ke@foc.example";        // Kenya is not in the AI task force
    private const string PenHolder = "diplomat.nl@foc.example";
    private const string Advisor = "advisor.uni@foc.example";

    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> LaunchAsync(string definitionId, string? taskForceId) =>
        (await _app.StartAsync(definitionId, taskForceId is null ? null : new JsonObject { ["taskForceId"] = taskForceId })).Id;

    private async Task<IReadOnlyList<string>> ListedAsync(string email) =>
        [.. (await (await _app.ClientAs(email).GetAsync("/api/instances")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(i => i.Str("id"))];

    [Fact]
    public async Task InstanceList_ShowsEachCallerOnlyTheInstancesTheyMaySee()
    {
        await _app.PublishAsync(DraftFlows.Drafting("drafting", drafts: 1).Build());
        var ai = await LaunchAsync("drafting", "ai-and-human-rights");
        var shutdowns = await LaunchAsync("drafting", "internet-shutdowns");
        var none = await LaunchAsync("drafting", null);

        Assert.Empty(await ListedAsync(Advisor));
        Assert.Equal([ai], await ListedAsync(People.MemberCanada));
        Assert.Equal([shutdowns], await ListedAsync(Kenya));
        Assert.Equal(new[] { ai, shutdowns, none }.Order(), (await ListedAsync(People.Chair)).Order());
        var page = await (await _app.SignedInAsync(Advisor)).GetStringAsync("/instances");
        Assert.Contains("No instances match.", page);
        Assert.DoesNotContain(ai, page);
    }

    [Fact]
    public async Task Instance_AnUnknownIdIs404_AndAKnownOneNotTheCallersIs403WithNothingOfIt()
    {
        await _app.PublishAsync(DraftFlows.Drafting("drafting", drafts: 1).Build());
        var id = await LaunchAsync("drafting", "ai-and-human-rights");

        var unknown = await _app.ClientAs(Advisor).GetAsync("/api/instances/no-such-instance");
        var refused = await _app.ClientAs(Advisor).GetAsync($"/api/instances/{id}");
        var page = await (await _app.SignedInAsync(Advisor)).GetAsync($"/instances/{id}");

        await unknown.ProblemAsync(HttpStatusCode.NotFound, "not-found");
        await refused.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Not allowed", html);
        Assert.DoesNotContain("drafting", html);
    }

    [Fact]
    public async Task Draft_UnderApproval_IsReadByTheGovernmentsAsked_ButNotTheVersionsBefore()
    {
        await _app.PublishAsync(DraftFlows.Drafting("approving", drafts: 2)
            .Node("approve", "deliberation.approval-round", new
            {
                title = "Silence on the statement", mode = "silence", audience = "list", governments = new[] { "KE", "CA" }, window = "PT72H",
                draftVersion = Js("outputs.draft2.version"),
            })
            .Connect("draft2", "approve").Build());
        var id = await LaunchAsync("approving", "ai-and-human-rights");
        (await DraftFlows.SubmitAsync(_app, id, PenHolder, DraftFlows.V1)).EnsureSuccessStatusCode();
        (await DraftFlows.SubmitAsync(_app, id, PenHolder, DraftFlows.V2)).EnsureSuccessStatusCode();
        var kenya = _app.ClientAs(Kenya);

        var approved = await kenya.GetAsync($"/api/instances/{id}/drafts/2");
        var earlier = await kenya.GetAsync($"/api/instances/{id}/drafts/1");
        var list = await kenya.GetAsync($"/api/instances/{id}/drafts");
        var byAnAdvisor = await _app.ClientAs(Advisor).GetAsync($"/api/instances/{id}/drafts/2");

        Assert.Contains("deeply concerned", (await approved.ExpectAsync(HttpStatusCode.OK)).Str("markdown"));
        await earlier.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await list.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await byAnAdvisor.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var page = await (await _app.SignedInAsync(Kenya)).GetStringAsync($"/instances/{id}/drafts/latest");
        Assert.Contains("deeply concerned", page);
        Assert.DoesNotContain($"/instances/{id}/drafts/1\"", page); // the versions it may not read are not offered
    }

    [Fact]
    public async Task Comments_ADiplomatOfTheAudienceOutsideTheTaskForce_SeesOnlyTheirOwn_TheTaskForceSeesAll()
    {
        await _app.PublishAsync(Define("members-consult").Start()
            .Node("consult", "deliberation.consultation", new { title = "All members on the statement", audience = "allMembers", window = "P14D" })
            .Chain("start", "consult").Build());
        var id = await LaunchAsync("members-consult", "ai-and-human-rights");
        var consultationId = (await _app.StateAsync(id)).Outputs["consult"]!["consultationId"]!.GetValue<string>();
        foreach (var (who, text) in new[] { (Kenya, "From Kenya."), (People.MemberGhana, "From Ghana.") })
            await (await _app.ClientAs(who).PostAsync($"/api/consultations/{consultationId}/comments", ApiHttp.JsonBody(new { paragraph = 1, text })))
                .ExpectAsync(HttpStatusCode.Created);

        var seenByKenya = await (await _app.ClientAs(Kenya).GetAsync($"/api/consultations/{consultationId}/comments")).ArrayAsync();
        var seenByCanada = await (await _app.ClientAs(People.MemberCanada).GetAsync($"/api/consultations/{consultationId}/comments")).ArrayAsync();

        Assert.Equal("From Kenya.", Assert.Single(seenByKenya).Str("text"));
        Assert.Equal(2, seenByCanada.Count);
    }
}
