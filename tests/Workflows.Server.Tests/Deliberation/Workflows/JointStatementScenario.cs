using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Designer;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;

namespace FocWorkflows.Server.Tests.Deliberation.Workflows;

/// <summary>
/// The coalition's long path, driven through the API as its people would, and checked for what a coalition would
/// put its name to: the statement's own title everywhere, the task force's and the Advisory Network's comments
/// answered, a round withdrawn, silence broken, then held with one member dissociating, and a record that holds
/// every comment and answer. It runs on any clock: <paramref name="letSilenceRun"/> lets a silence window of
/// <paramref name="silenceWindow"/> pass (the real clock waits for the timer worker, a fake one is advanced).
/// </summary>
internal sealed class JointStatementScenario(TestApp app, Func<Deliberator, Task> letSilenceRun, string silenceWindow)
{
    public const string Title = "Joint Statement on AI and Human Rights";
    private const string CoChair = People.CoChair;              // Switzerland leads the AI task force: a pen-holder
    private const string DutchLead = "diplomat.nl@foc.example"; // the Netherlands co-leads it
    private const string Kenya = "diplomat.ke@foc.example";
    private static readonly string[] Advisors =
        ["advisor.ai@foc.example", "advisor.access@foc.example", "advisor.uni@foc.example", "advisor.tech@foc.example"];

    public Deliberator Deliberator { get; } = new(app);

    private Deliberator D => Deliberator;

    /// <summary>Runs the statement to its publication; returns the instance's journal.</summary>
    public async Task<JsonArray> RunAsync()
    {
        await D.LaunchAsync("joint-statement", new
        {
            taskForceId = "ai-and-human-rights", title = Title, languages = new[] { "fr", "es" }, maxRounds = 3, silenceWindow,
        });

        // First draft (Markdown only: the version takes the statement's title, not the task's), then the task-force
        // review, closed early by the chair, whose comments the secretariat answers in its own name.
        Assert.Equal(1, await D.SubmitDraftAsync("draft", CoChair, "# AI and Human Rights\n\nStates should protect rights.\n\nCompanies should respect rights."));
        var review = await D.ResourceIdAsync("tf-review");
        await D.CommentAsync(review, "diplomat.ca@foc.example", 2, "Add a reference to the UN Guiding Principles.");
        await D.CommentAsync(review, "diplomat.fr@foc.example", 3, "Name the companies' duty of care.");
        await CloseAsync(review, "The task force has said what it needed to say.");
        await D.WaitingOnAsync("tf-dispose");
        await D.DisposeAllAsync(review, People.Secretariat);
        var reviewMatrix = await GetAsync($"/api/consultations/{review}/dispositions");
        Assert.Equal(2, reviewMatrix.Count);
        Assert.All(reviewMatrix, row => Assert.False(string.IsNullOrEmpty(row!["decision"]?.ToString()), "a task-force comment is unanswered"));

        // Revision, then the Advisory Network: ten comments from four advisors, closed early, all answered.
        Assert.Equal(2, await D.SubmitDraftAsync("revise", DutchLead, "# AI and Human Rights\n\nStates should protect rights, as the UN Guiding Principles say.\n\nCompanies should respect rights."));
        var consultation = await D.ResourceIdAsync("an-consult");
        for (var i = 0; i < 10; i++)
            await D.CommentAsync(consultation, Advisors[i % 4], 1 + i % 3, $"Comment {i + 1} from {Advisors[i % 4]}");
        var ownOnly = await (await app.ClientAs(Advisors[1]).GetAsync($"/api/consultations/{consultation}/comments")).ArrayAsync();
        Assert.Equal([Advisors[1]], ownOnly.Select(c => c.Str("commenter")).Distinct());
        await CloseAsync(consultation, "Every advisor has been heard.");
        await D.WaitingOnAsync("dispose");
        await D.DisposeAllAsync(consultation, DutchLead);
        await AssertAnAdvisorSeesOnlyTheirOwnAsync(consultation, Advisors[1]);

        // Round 1: the chair withdraws the text; the round ends with its own outcome and the text goes back to its final drafting.
        Assert.Equal(3, await D.SubmitDraftAsync("final", CoChair, "# AI and Human Rights\n\nStates must protect rights.\n\nCompanies must respect rights."));
        var round1 = await D.ResourceIdAsync("silence");
        var withdrawn = await (await app.ClientAs(People.Chair).PostAsync($"/api/approvals/{round1}/withdraw",
            JsonBody(new { reason = "Two capitals asked for another reading." }))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("closed", "withdrawn"), (withdrawn.Str("status"), withdrawn.Str("result")));
        await D.WaitingOnAsync("final");

        // Round 2: France breaks silence.
        Assert.Equal(4, await D.SubmitDraftAsync("final", CoChair, "# AI and Human Rights\n\nStates must protect rights, online too.\n\nCompanies must respect rights."));
        var round2 = await D.ResourceIdAsync("silence");
        var broken = await D.RespondAsync(round2, "diplomat.fr@foc.example", "object", "Too weak on surveillance.", "Add: 'including in surveillance'.");
        Assert.Equal(("notAdopted", "silenceBroken"), (broken.Str("result"), broken.Str("reason")));

        // Round 3: some write, Kenya dissociates, the others keep silent; silence holds at the deadline.
        Assert.Equal(5, await D.SubmitDraftAsync("final", CoChair, "# AI and Human Rights\n\nStates must protect rights, including in surveillance.\n\nCompanies must respect rights."));
        var round3 = await D.ResourceIdAsync("silence");
        await D.RespondAsync(round3, "diplomat.fr@foc.example", "endorse");
        await D.RespondAsync(round3, "diplomat.ca@foc.example", "endorse");
        await D.RespondAsync(round3, "diplomat.jp@foc.example", "noObjection");
        await D.RespondAsync(round3, Kenya, "dissociate", "Our legislation on surveillance is under review.");
        await letSilenceRun(D);

        var instance = await D.InstanceAsync();
        Assert.Equal("finished", instance.Str("status"));
        var asked = (await GetObjectAsync($"/api/approvals/{round3}"))["audience"]!.AsArray().Select(g => g.Str("code")).ToList();
        await AssertPublicationAsync(instance["outputs"]!["publish"]!.Str("publicationId"), asked);
        await AssertMailsCarryTheTitleAsync(signatories: asked.Count - 1);
        return await AssertRecordAsync(review, consultation);
    }

    private async Task AssertPublicationAsync(string publicationId, IReadOnlyList<string> asked)
    {
        var publication = await (await app.ClientAs(null).GetAsync($"/api/publications/{publicationId}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((Title, 5), (publication.Str("title"), publication["version"]!.GetValue<int>()));
        // Silence is consent: every member asked that did not object adopts it; Kenya let it pass without joining it.
        Assert.Equal(asked.Where(code => code != "KE"), publication["signatories"]!.AsArray().Select(s => s.Str("code")));
        Assert.Equal(["KE"], publication["dissociated"]!.AsArray().Select(s => s.Str("code")));
        Assert.Equal(["es", "fr"], publication["translations"]!.AsArray().Select(t => t.Str("language")).Order());
        var drafts = await (await app.ClientAs(CoChair).GetAsync($"/api/instances/{D.InstanceId}/drafts")).ArrayAsync();
        Assert.All(drafts, v => Assert.Equal(Title, v.Str("title")));
    }

    /// <summary>Every mail the statement sent, as its reader receives it, names the statement in its subject.</summary>
    private async Task AssertMailsCarryTheTitleAsync(int signatories)
    {
        var composer = app.Services.GetRequiredService<OutboxComposer>();
        var messages = await app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.InstanceId == D.InstanceId && m.Kind == OutboxComposer.MailKind).ToListAsync());
        var mails = new List<OutgoingMail>();
        foreach (var message in messages) mails.Add(((MailDelivery)await composer.ComposeAsync(message, CancellationToken.None)).Mail);

        Assert.True(mails.Count > 100, $"only {mails.Count} mails");
        Assert.All(mails, m => Assert.Contains(Title, m.Subject));
        var templates = messages.Select(m => JsonNode.Parse(m.PayloadJson)!["template"]?.GetValue<string>()).OfType<string>().ToHashSet();
        Assert.Superset(new HashSet<string> { "consultation-opened", "approval-opened", "approval-withdrawn" }, templates);
        var adopted = mails.First(m => m.Subject == $"Adopted: {Title}");
        Assert.Contains($"published with {signatories} signatories", adopted.HtmlBody);
        Assert.Contains("1 dissociated", adopted.HtmlBody);
    }

    /// <summary>The journal names every comment and every answer, by reference, and every entry its actor.</summary>
    private async Task<JsonArray> AssertRecordAsync(string review, string consultation)
    {
        var journal = await D.JournalAsync();
        var comments = new List<string>();
        foreach (var id in new[] { review, consultation })
            comments.AddRange((await GetAsync($"/api/consultations/{id}/comments")).Select(c => c.Str("id")));
        Assert.Equal(12, comments.Count);
        string Event(JsonNode? e) => e.Str("event");
        string Detail(JsonNode? e, string name) => e!["details"]![name]!.ToString();
        Assert.Equal(comments.Order(), journal.Where(e => Event(e) == "comment-added").Select(e => Detail(e, "commentId")).Order());
        Assert.Equal(comments.Order(), journal.Where(e => Event(e) == "comment-disposed").Select(e => Detail(e, "commentId")).Distinct().Order());
        Assert.All(journal, e => Assert.False(string.IsNullOrEmpty(e!["actor"]?.GetValue<string>()), $"entry {e!["sequence"]} has no actor"));
        Assert.DoesNotContain(journal, e => e!["details"]?.ToJsonString().Contains("States must protect rights") == true);

        string ActorOf(string @event, string activity) => journal.First(e => Event(e) == @event && e!["activityId"]?.GetValue<string>() == activity).Str("actor");
        Assert.Equal(CoChair, ActorOf("draft-submitted", "draft"));
        Assert.Equal(DutchLead, ActorOf("draft-submitted", "revise"));
        Assert.Equal(People.Secretariat, ActorOf("comment-disposed", "tf-dispose"));
        Assert.Equal(People.Chair, ActorOf("approval-withdrawn", "silence"));
        Assert.Equal(Kenya, journal.Single(e => Event(e) == "response-recorded" && Detail(e, "kind") == "dissociate").Str("actor"));
        Assert.Equal(3, journal.Count(e => Event(e) == "approval-opened"));
        Assert.Contains(journal, e => Event(e) == "published");
        Assert.Equal("instance-finished", Event(journal.Last()));
        return journal;
    }

    /// <summary>
    /// Some advisors are at risk if named: the answers to the consultation, in JSON, CSV, Markdown and on the page,
    /// show an advisor their own comments and nobody else's (each comment's text names its author's e-mail).
    /// </summary>
    private async Task AssertAnAdvisorSeesOnlyTheirOwnAsync(string consultation, string advisor)
    {
        var api = app.ClientAs(advisor);
        var page = await app.SignedInAsync(advisor);
        var views = new Dictionary<string, HttpResponseMessage>
        {
            ["JSON"] = await api.GetAsync($"/api/consultations/{consultation}/dispositions"),
            ["CSV"] = await api.GetAsync($"/api/consultations/{consultation}/dispositions.csv"),
            ["Markdown"] = await api.GetAsync($"/api/consultations/{consultation}/dispositions.md"),
            ["page"] = await page.GetAsync($"/consultations/{consultation}/dispositions"),
        };
        foreach (var (format, response) in views)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{format}: {(int)response.StatusCode} {body}");
            Assert.Contains(advisor, body);
            foreach (var other in Advisors.Where(a => a != advisor))
                Assert.False(body.Contains(other, StringComparison.OrdinalIgnoreCase), $"{format} shows {advisor} a comment of {other}");
        }
        var rows = JsonNode.Parse(await views["JSON"].Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(Enumerable.Range(0, 10).Count(i => Advisors[i % 4] == advisor), rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r!["decision"]?.ToString()), "the advisor's comment is unanswered"));
    }

    public async Task<JsonObject> VerifyJournalAsync() =>
        await GetObjectAsync($"/api/instances/{D.InstanceId}/journal/verify");

    private async Task CloseAsync(string consultationId, string reason) =>
        await (await app.ClientAs(People.Chair).PostAsync($"/api/consultations/{consultationId}/close", JsonBody(new { reason })))
            .ExpectAsync(HttpStatusCode.OK);

    private async Task<JsonArray> GetAsync(string path) => await (await app.ClientAs(People.Chair).GetAsync(path)).ArrayAsync();

    private async Task<JsonObject> GetObjectAsync(string path) =>
        await (await app.ClientAs(People.Chair).GetAsync(path)).ExpectAsync(HttpStatusCode.OK);
}

