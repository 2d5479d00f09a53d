using System.Net;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Deliberation.Workflows;

/// <summary>The coalition's long path, end to end through the API, under a fake clock.</summary>
public class JointStatementTests : DatabaseSuite
{
    private const string CoChair = People.CoChair;             // Switzerland leads the AI task force: a pen-holder
    private const string DutchLead = "diplomat.nl@foc.example"; // the Netherlands co-leads it
    private static readonly string[] Advisors =
        ["advisor.ai@foc.example", "advisor.access@foc.example", "advisor.uni@foc.example", "advisor.tech@foc.example"];

    private readonly Deliberator _d;

    public JointStatementTests() : base(standardWorkflows: true) => _d = new Deliberator(App);

    [Fact]
    public async Task JointStatement_FromFirstDraftToPublication_RecordsEveryStepWithItsActor()
    {
        await _d.LaunchAsync("joint-statement", new { taskForceId = "ai-and-human-rights", title = "Joint Statement on AI and Human Rights", languages = new[] { "fr", "es" } });

        // Draft, task-force review (closes itself after 14 days), revision.
        Assert.Equal(1, await _d.SubmitDraftAsync("draft", CoChair, "# AI and Human Rights\n\nStates should protect rights.\n\nCompanies should respect rights."));
        var review = await _d.ResourceIdAsync("tf-review");
        await _d.CommentAsync(review, "diplomat.ca@foc.example", 2, "Add a reference to the UN Guiding Principles.");
        await _d.PassAsync(TimeSpan.FromDays(14));
        await _d.WaitingOnAsync("tf-dispose");
        await _d.DisposeAllAsync(review, People.Secretariat);
        Assert.Equal(2, await _d.SubmitDraftAsync("revise", DutchLead, "# AI and Human Rights\n\nStates should protect rights, as the UN Guiding Principles say.\n\nCompanies should respect rights."));

        // Advisory Network consultation: ten comments from four advisors, then the window closes.
        var consultation = await _d.ResourceIdAsync("an-consult");
        for (var i = 0; i < 10; i++)
            await _d.CommentAsync(consultation, Advisors[i % 4], 1 + i % 3, $"Comment {i + 1} from {Advisors[i % 4]}");
        await _d.PassAsync(TimeSpan.FromDays(21));

        // Disposition of all ten, then the final text.
        await _d.WaitingOnAsync("dispose");
        await _d.DisposeAllAsync(consultation, DutchLead);
        Assert.Equal(3, await _d.SubmitDraftAsync("final", CoChair, "# AI and Human Rights\n\nStates must protect rights.\n\nCompanies must respect rights."));

        // Round 1: France breaks silence.
        var round1 = await _d.ResourceIdAsync("silence");
        var broken = await _d.RespondAsync(round1, "diplomat.fr@foc.example", "object", "Too weak on surveillance.", "Add: 'including in surveillance'.");
        Assert.Equal("notAdopted", broken["result"]!.GetValue<string>());
        Assert.Equal("silenceBroken", broken["reason"]!.GetValue<string>());

        // Back to the final text, round 2: three members endorse, silence holds until the deadline.
        Assert.Equal(4, await _d.SubmitDraftAsync("final", CoChair, "# AI and Human Rights\n\nStates must protect rights, including in surveillance.\n\nCompanies must respect rights."));
        var round2 = await _d.ResourceIdAsync("silence");
        Assert.NotEqual(round1, round2);
        foreach (var member in new[] { "diplomat.fr@foc.example", "diplomat.ca@foc.example", "diplomat.ke@foc.example" })
            await _d.RespondAsync(round2, member, "endorse");
        await _d.PassAsync(TimeSpan.FromHours(72));

        // Published with its signatories; everyone is told; the instance is finished.
        var instance = await _d.InstanceAsync();
        Assert.Equal("finished", instance.Str("status"));
        var publicationId = instance["outputs"]!["publish"]!.Str("publicationId");
        var publication = await (await App.ClientAs(null).GetAsync($"/api/publications/{publicationId}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(4, publication["version"]!.GetValue<int>());
        // Silence held: every member asked adopts it, not only the three that wrote.
        var asked = (await (await App.ClientAs(People.Chair).GetAsync($"/api/approvals/{round2}")).ExpectAsync(HttpStatusCode.OK))["audience"]!.AsArray();
        Assert.Equal(asked.Select(g => g.Str("code")), publication["signatories"]!.AsArray().Select(s => s.Str("code")));
        Assert.True(asked.Count > 3);
        Assert.Equal(["es", "fr"], publication["translations"]!.AsArray().Select(t => t.Str("language")).Order());

        var journal = await _d.JournalAsync();
        Assert.All(journal, e => Assert.False(string.IsNullOrEmpty(e!["actor"]?.GetValue<string>()), $"entry {e!["sequence"]} has no actor"));
        string ActorOf(string @event, string activity) => journal.First(e => e.Str("event") == @event && e!["activityId"]?.GetValue<string>() == activity).Str("actor");
        Assert.Equal(CoChair, ActorOf("draft-submitted", "draft"));
        Assert.Equal(DutchLead, ActorOf("draft-submitted", "revise"));
        Assert.Equal(11, journal.Count(e => e.Str("event") == "comment-disposed"));
        Assert.Equal("diplomat.fr@foc.example", ActorOf("response-recorded", "silence"));
        Assert.Equal(2, journal.Count(e => e.Str("event") == "approval-opened"));
        Assert.Contains(journal, e => e.Str("event") == "published");
        Assert.Equal("instance-finished", journal.Last().Str("event"));
    }
}
