using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Deliberation.Approvals.ApprovalTestKit;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;
using static FocWorkflows.Server.Tests.Deliberation.Drafts.DraftFlows;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api.Hostile;

/// <summary>
/// One server for the whole corpus, with something of everything to attack: an instance waiting for
/// drafts, an open consultation with a comment, an approval round, a task, advisor links. Rate limits
/// are raised: the corpus is about what each request does, not how many there are.
/// </summary>
public sealed class HostileWorld : IAsyncLifetime
{
    public TestApp App { get; } = new(settings: new Dictionary<string, string?>
    {
        ["RateLimits:WritesPerPerson"] = "100000", ["RateLimits:RequestsPerLink"] = "100000", ["RateLimits:RequestsPerAddress"] = "100000",
    });

    public string DraftInstance { get; private set; } = "";
    public string Consultation { get; private set; } = "";
    public string OtherConsultation { get; private set; } = "";
    public string Comment { get; private set; } = "";
    public string Round { get; private set; } = "";
    public string TaskId { get; private set; } = "";
    public string Token { get; private set; } = "";
    public string OtherToken { get; private set; } = "";

    /// <summary>Draft versions submitted so far by neutralised cases: each takes the next draft step.</summary>
    public int DraftsSubmitted { get; set; }

    public async Task InitializeAsync()
    {
        await App.PublishAsync(Drafting("corpus-drafts", drafts: 40).Build());
        DraftInstance = await LaunchAsync(App, "corpus-drafts");
        (_, Consultation) = await OpenAsync(App);
        (_, OtherConsultation) = await OpenAsync(App);
        (_, Round) = await App.OpenRoundAsync(new { title = "Statement", mode = "consensus", audience = "list", governments = new[] { "CA", "GH" }, window = "PT72H" });
        var links = App.Services.GetRequiredService<AdvisorLinks>();
        Token = links.CreateToken(AdvisorUni, Consultation, (await App.ConsultationAsync(Consultation)).ClosesAt);
        OtherToken = links.CreateToken(AdvisorUni, OtherConsultation, (await App.ConsultationAsync(OtherConsultation)).ClosesAt);
        var comment = await App.CommentAsync(AdvisorTech, Consultation, "A first, ordinary comment.");
        Comment = JsonNode.Parse(await comment.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        await App.PublishAsync(Define("hello").Input("title").Start().End().Chain("start", "end").Build());
        await App.PublishAsync(Define("review").Start()
            .Node("review", ControlActivityTypes.HumanTask, new
            {
                title = "Review", assignees = new[] { People.Chair }, actions = new[] { "approve", "reject" },
                fields = new[] { new { name = "note", type = "multilineText" } },
            })
            .End().Connect("start", "review").Connect("review", "end", "approve").Connect("review", "end", "reject").Build());
        var review = await App.StartAsync("review");
        TaskId = (await App.QueryAsync(db => db.Tasks.SingleAsync(t => t.InstanceId == review.Id))).Id;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The world's ids in place of {draft}, {consultation}, {other}, {comment}, {round}, {task}; the advisor's link
    /// token as {token}, another consultation's as {othertoken}, and spoilt ones: {tampered} (one character
    /// changed) and {short} (cut).
    /// </summary>
    public string Fill(string text) => text
        .Replace("{draft}", DraftInstance).Replace("{consultation}", Consultation).Replace("{othertoken}", Uri.EscapeDataString(OtherToken))
        .Replace("{other}", OtherConsultation).Replace("{comment}", Comment).Replace("{round}", Round).Replace("{task}", TaskId)
        .Replace("{token}", Uri.EscapeDataString(Token)).Replace("{short}", Uri.EscapeDataString(Token[..^10]))
        .Replace("{tampered}", Token[..(Token.Length / 2)] + (Token[Token.Length / 2] == 'A' ? 'B' : 'A') + Token[(Token.Length / 2 + 1)..]);

    /// <summary>A request as an attacker would send it: any method, raw body bytes, any content type, any headers.</summary>
    public Task<HttpResponseMessage> SendAsync(string? caller, string method, string path, string? body = null,
        string? contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
    {
        // The client resolves a bare "/../" (or "/%2e%2e/") itself; "%2F" and longer dot runs reach the server as sent.
        var client = App.ClientAs(caller);
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Fill(body)));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, Fill(value));
        return client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string caller, string path, object body) => App.ClientAs(caller).PostAsJsonAsync(Fill(path), body);

    public Task<string> ReadAsync(string path) => App.ClientAs(People.Secretariat).GetStringAsync(Fill(path));
}
