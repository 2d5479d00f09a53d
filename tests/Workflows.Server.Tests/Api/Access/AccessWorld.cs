using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Deliberation.Workflows;
using FocWorkflows.Server.Tests.Designer;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api.Access;

/// <summary>The kinds of caller the access matrix has a column for (see <see cref="AccessMatrix"/>).</summary>
public enum Caller { Anonymous, Link, AdvisorIn, AdvisorOut, DiplomatOut, DiplomatIn, PenHolder, Chair, Secretariat }

/// <summary>
/// The coalition the matrix is probed in, seeded through the API as people would: three joint statements of the AI and
/// human rights task force (one in its Advisory Network consultation, one waiting on the disposition of comments, one in
/// its silence procedure), an embargoed publication, a faulted instance, held mail, and a browser per caller.
/// </summary>
public sealed class AccessWorld : IDisposable
{
    public const string TaskForce = "ai-and-human-rights";
    private const string Text1 = "# AI and human rights\n\nStates should protect rights online.\n\nCompanies should respect them.";
    private const string Text2 = "# AI and human rights\n\nStates must protect rights online, as offline.\n\nCompanies should respect them.";

    private readonly Dictionary<Caller, HttpClient> _browsers = [];
    private readonly HttpClient _api;

    private AccessWorld()
    {
        // Rate limits raised: the matrix is about who may call what, and its nine callers share one address.
        App = new TestApp(standardWorkflows: true, settings: new Dictionary<string, string?>
        {
            ["RateLimits:WritesPerPerson"] = "100000", ["RateLimits:RequestsPerLink"] = "100000", ["RateLimits:RequestsPerAddress"] = "100000",
        });
        _api = App.Browser();
    }

    public TestApp App { get; }

    /// <summary>A joint statement in its Advisory Network consultation (open): versions 1 (task-force review) and 2 (consulted).</summary>
    public string Statement { get; private set; } = "";
    public string Advisory { get; private set; } = "";
    public string AdvisoryTask { get; private set; } = "";

    /// <summary>A joint statement whose Advisory Network consultation closed with one comment, waiting on its disposition.</summary>
    public string DisposingConsultation { get; private set; } = "";

    /// <summary>A joint statement in its silence procedure (every member government is asked).</summary>
    public string Round { get; private set; } = "";

    /// <summary>A publication scheduled for later: under embargo.</summary>
    public string Embargoed { get; private set; } = "";
    public string Faulted { get; private set; } = "";
    public string LinkToken { get; private set; } = "";

    public static string? EmailOf(Caller caller) => caller switch
    {
        Caller.Link or Caller.AdvisorIn => "advisor.uni@foc.example",
        Caller.AdvisorOut => "advisor.press@foc.example",
        Caller.DiplomatOut => "diplomat.ke@foc.example",
        Caller.DiplomatIn => People.MemberCanada,
        Caller.PenHolder => "diplomat.nl@foc.example",
        Caller.Chair => People.Chair,
        Caller.Secretariat => People.Secretariat,
        _ => null,
    };

    public static async Task<AccessWorld> SeedAsync()
    {
        var world = new AccessWorld();
        await world.SeedDataAsync();
        foreach (var caller in Enum.GetValues<Caller>())
            world._browsers[caller] = EmailOf(caller) is { } email && caller != Caller.Link ? await world.App.SignedInAsync(email) : world.App.Browser();
        return world;
    }

    /// <summary>
    /// Sends a request as the caller: the API with the development header (as API clients do), pages and the rest in the
    /// caller's browser session; a link sends its token in the header to the API and in the address to pages.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(Caller caller, HttpMethod method, string path, object? body = null)
    {
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        if (caller == Caller.Link && !api) path += (path.Contains('?') ? "&" : "?") + "token=" + Uri.EscapeDataString(LinkToken);
        var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                Func<HttpContent> content => content(), // a form, made anew for each caller: content is sent once
                _ => JsonContent.Create(body, options: System.Text.Json.JsonSerializerOptions.Web),
            },
        };
        if (api && caller == Caller.Link) request.Headers.Add(AdvisorLinkAuthenticationHandler.Header, LinkToken);
        else if (api && EmailOf(caller) is { } email) request.Headers.Add("X-Dev-User", email);
        return (api ? _api : _browsers[caller]).SendAsync(request);
    }

    private async Task SeedDataAsync()
    {
        await PublishAsync(Define("access-task").Input("taskForceId").Start()
            .Node("ask", ControlActivityTypes.HumanTask, new { title = "Confirm the list of signatories", assignees = new[] { People.MemberCanada } })
            .End().Connect("start", "ask").Connect("ask", "end", "Complete").Build());
        await PublishAsync(Define("access-fault").Variable("v").Start()
            .Node("fail", ControlActivityTypes.SetVariable, new { variable = "v", value = Js("throw new Error('always')") })
            .End().Chain("start", "fail", "end").Build());
        await PublishAsync(Define("access-consult").Input("taskForceId").Start()
            .Node("consult", "deliberation.consultation", new { title = "A short consultation", audience = "advisoryNetwork", window = "P14D" })
            .End().Chain("start", "consult", "end").Build());
        await PublishAsync(Define("access-round").Input("taskForceId").Start()
            .Node("silence", "deliberation.approval-round", new { title = "A short silence procedure", mode = "silence", audience = "taskForceMembers", window = "P7D" })
            .End().Connect("start", "silence").Connect("silence", "end", "Adopted").Build());
        await PublishAsync(Define("access-embargo").Input("taskForceId").Start()
            .Node("draft", "deliberation.draft", new { title = "The embargoed text" })
            .Node("publish", "deliberation.publication", new { releaseAt = "2027-06-01T09:00:00Z", languages = new[] { "fr" }, signatories = new[] { "CA" } })
            .End().Chain("start", "draft", "publish", "end").Build());

        await SeedDisposingAsync();
        await SeedRoundAsync();
        await SeedStatementAsync();

        var embargo = await LaunchAsync("access-embargo", new { taskForceId = TaskForce });
        await Expect(SendAsync(Caller.PenHolder, HttpMethod.Post, $"/api/instances/{embargo}/drafts", new { markdown = Text2 }), HttpStatusCode.Created);
        Embargoed = (await Expect(SendAsync(Caller.Chair, HttpMethod.Get, $"/api/instances/{embargo}"), HttpStatusCode.OK))["outputs"]!["publish"].Str("publicationId");
        Faulted = await LaunchAsync("access-fault", new { });

        // Without Graph or a drop folder, mail is held: the outbox then has messages to retry.
        await App.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        LinkToken = App.Services.GetRequiredService<AdvisorLinks>().CreateToken(EmailOf(Caller.Link)!, Advisory,
            (await Expect(SendAsync(Caller.Chair, HttpMethod.Get, $"/api/consultations/{Advisory}"), HttpStatusCode.OK)).Time("closesAt"));
    }

    private async Task SeedStatementAsync()
    {
        var d = await StatementAsync("Statement in consultation");
        await d.SubmitDraftAsync("draft", EmailOf(Caller.PenHolder)!, Text1);
        var review = await d.ResourceIdAsync("tf-review");
        await d.CommentAsync(review, EmailOf(Caller.DiplomatIn)!, 1, "Cite the UN Guiding Principles.");
        await CloseAsync(review);
        await d.DisposeAllAsync(review, EmailOf(Caller.Secretariat)!);
        await d.SubmitDraftAsync("revise", EmailOf(Caller.PenHolder)!, Text2);
        Advisory = await d.ResourceIdAsync("an-consult");
        await d.CommentAsync(Advisory, EmailOf(Caller.AdvisorIn)!, 2, "Name the rights at stake.");
        AdvisoryTask = (await d.WaitingOnAsync("an-consult"))["tasks"]![0].Str("id");
        Statement = d.InstanceId;
    }

    private async Task SeedDisposingAsync() => DisposingConsultation = (await FreshDisposalAsync()).Consultation;

    /// <summary>A statement whose Advisory Network consultation closed with one comment, waiting on its disposition: its consultation and comment.</summary>
    public async Task<(string Consultation, string Comment)> FreshDisposalAsync()
    {
        var d = await StatementAsync("Statement being disposed");
        await d.SubmitDraftAsync("draft", EmailOf(Caller.PenHolder)!, Text1);
        await CloseAsync(await d.ResourceIdAsync("tf-review"));
        await d.SubmitDraftAsync("revise", EmailOf(Caller.PenHolder)!, Text2);
        var consultation = await d.ResourceIdAsync("an-consult");
        await d.CommentAsync(consultation, EmailOf(Caller.AdvisorIn)!, 1, "Shorter, please.");
        await CloseAsync(consultation);
        await d.WaitingOnAsync("dispose");
        var comment = (await (await SendAsync(Caller.Chair, HttpMethod.Get, $"/api/consultations/{consultation}/comments")).ArrayAsync())[0].Str("id");
        return (consultation, comment);
    }

    private async Task SeedRoundAsync()
    {
        var d = await StatementAsync("Statement in its silence procedure");
        await d.SubmitDraftAsync("draft", EmailOf(Caller.PenHolder)!, Text1);
        await CloseAsync(await d.ResourceIdAsync("tf-review"));
        await d.SubmitDraftAsync("revise", EmailOf(Caller.PenHolder)!, Text2);
        await CloseAsync(await d.ResourceIdAsync("an-consult"));
        await d.SubmitDraftAsync("final", EmailOf(Caller.PenHolder)!, Text2);
        Round = await d.ResourceIdAsync("silence");
    }

    private async Task<Deliberator> StatementAsync(string title)
    {
        var d = new Deliberator(App);
        await d.LaunchAsync("joint-statement", new { taskForceId = TaskForce, title });
        return d;
    }

    private async Task CloseAsync(string consultationId) =>
        await Expect(SendAsync(Caller.Chair, HttpMethod.Post, $"/api/consultations/{consultationId}/close", new { reason = "Enough comments." }), HttpStatusCode.OK);

    private async Task PublishAsync(WorkflowDefinition definition)
    {
        await Expect(SendAsync(Caller.Secretariat, HttpMethod.Put, $"/api/definitions/{definition.Id}", JsonNode.Parse(Definitions.Json.DefinitionJson.Write(definition))), HttpStatusCode.OK);
        await Expect(SendAsync(Caller.Secretariat, HttpMethod.Post, $"/api/definitions/{definition.Id}/publish"), HttpStatusCode.OK);
    }

    private async Task<string> LaunchAsync(string definitionId, object input) =>
        (await Expect(SendAsync(Caller.Chair, HttpMethod.Post, "/api/instances", new { definitionId, input }), HttpStatusCode.Created)).Str("id");

    private static async Task<JsonObject> Expect(Task<HttpResponseMessage> response, HttpStatusCode status) => await (await response).ExpectAsync(status);

    // Fresh things for probes that use them up (a cancel, a close, a completion), made straight through the engine.

    public async Task<string> FreshStatementAsync() =>
        (await App.StartAsync("joint-statement", new JsonObject { ["taskForceId"] = TaskForce, ["title"] = "A fresh statement" })).Id;

    public async Task<string> FreshConsultationAsync() =>
        (await App.StateAsync((await App.StartAsync("access-consult", new JsonObject { ["taskForceId"] = TaskForce })).Id))
            .Outputs["consult"]!["consultationId"]!.GetValue<string>();

    public async Task<string> FreshRoundAsync() =>
        (await App.StateAsync((await App.StartAsync("access-round", new JsonObject { ["taskForceId"] = TaskForce })).Id))
            .Outputs["silence"]!["roundId"]!.GetValue<string>();

    public async Task<string> FreshTaskAsync()
    {
        var instance = await App.StartAsync("access-task", new JsonObject { ["taskForceId"] = TaskForce });
        return (await App.TasksAsync(instance.Id)).Single(t => t.Status == HumanTaskStatus.Open).Id;
    }

    public Task<string> HeldMessageAsync() =>
        App.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Held).Select(m => m.Id).FirstAsync());

    /// <summary>A definition with a draft waiting to be published.</summary>
    public async Task<string> FreshDraftDefinitionAsync()
    {
        var id = $"access-draft-{Guid.NewGuid():N}"[..24];
        await App.DefinitionStore.SaveDraftAsync(Define(id).Start().End().Chain("start", "end").Build(), People.Secretariat, CancellationToken.None);
        return id;
    }

    public void Dispose()
    {
        foreach (var browser in _browsers.Values) browser.Dispose();
        _api.Dispose();
        App.Dispose();
    }
}
