using System.Net;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Tests.Deliberation.Workflows;

/// <summary>Each standard workflow's main path, driven through the API as the people would.</summary>
public sealed class MainPathTests : IDisposable
{
    private static readonly string[] SteeringCommittee =
        ["diplomat.jp@foc.example", "diplomat.de@foc.example", "diplomat.nl@foc.example", People.Chair];

    private readonly TestApp _app = new(standardWorkflows: true);
    private readonly Deliberator _d;

    public MainPathTests() => _d = new Deliberator(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task RapidResponse_DraftThenSilenceHeldFor72Hours_IsPublishedAtOnce()
    {
        await _d.LaunchAsync("rapid-response-statement", new { title = "Internet shutdown in Country X" });
        await _d.SubmitDraftAsync("draft", People.Chair, "The FOC is deeply concerned by the shutdown.");

        await _d.PassAsync(TimeSpan.FromHours(72));

        var instance = await _d.InstanceAsync();
        Assert.Equal("finished", instance.Str("status"));
        Assert.Equal("adopted", instance["outputs"]!["silence"]!.Str("result"));
        var publication = await _app.ClientAs(null).GetAsync($"/api/publications/{instance["outputs"]!["publish"]!.Str("publicationId")}");
        Assert.Equal(HttpStatusCode.OK, publication.StatusCode);
    }

    [Fact]
    public async Task AdvisoryNetworkConsultation_CommentsAreAnsweredAndCommentersThanked()
    {
        await _d.LaunchAsync("advisory-network-consultation", new { taskForceId = "ai-and-human-rights", title = "AI procurement guidelines" });
        await _d.SubmitDraftAsync("draft", People.CoChair, "Governments should assess AI before buying it.\n\nAssessments should be public.");
        var consultation = await _d.ResourceIdAsync("consult");
        await _d.CommentAsync(consultation, "advisor.access@foc.example", 2, "Publish them in accessible formats.");
        await _d.CommentAsync(consultation, "advisor.uni@foc.example", 1, "Define 'assess'.");

        await _d.PassAsync(TimeSpan.FromDays(21));
        await _d.DisposeAllAsync(consultation, People.CoChair);

        Assert.Equal("finished", (await _d.InstanceAsync()).Str("status"));
        var thanks = await _app.QueryAsync(db => db.Outbox.CountAsync(m => m.NodeId == "thank"));
        Assert.Equal(4, thanks);
    }

    [Fact]
    public async Task TaskForceCharter_ApprovedByTheSteeringCommittee_EstablishesTheTaskForce()
    {
        await _d.LaunchAsync("task-force-charter", new
        {
            proposedId = "digital-equality", name = "Task Force on Digital Equality", mandate = "Close digital divides.",
            leadGovernments = new[] { "GH", "CL" }, memberGovernments = new[] { "KE", "AU" }, endDate = "2028-06-30T00:00:00Z",
            kickoffAt = "2027-01-15T14:00:00+01:00",
        }, by: People.Secretariat);
        await _d.SubmitDraftAsync("terms", People.Secretariat, "## Terms of reference\n\nThe task force works on digital equality.");
        var round = await _d.ResourceIdAsync("steering");

        foreach (var member in SteeringCommittee) await _d.RespondAsync(round, member, "endorse");

        Assert.Equal("finished", (await _d.InstanceAsync()).Str("status"));
        var taskForce = await (await _app.ClientAs(People.Chair).GetAsync("/api/task-forces/digital-equality")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["AU", "CL", "GH", "KE"], taskForce["memberGovernments"]!.AsArray().Select(g => g!.GetValue<string>()).Order());
        var kickoff = await _app.QueryAsync(db => db.Outbox.SingleAsync(m => m.NodeId == "kickoff-meeting"));
        Assert.Equal("calendar-event", kickoff.Kind);
        Assert.Contains("\"start\":\"2027-01-15T13:00:00+00:00\"", kickoff.PayloadJson);
        Assert.Contains("\"isOnlineMeeting\":true", kickoff.PayloadJson);
    }

    [Fact]
    public async Task TaskForceRenewal_MajorityInFavour_ExtendsTheMandate()
    {
        await _d.LaunchAsync("task-force-renewal", new
        {
            taskForceId = "internet-shutdowns", name = "Task Force on Internet Shutdowns", mandate = "Keep working on shutdowns.",
            leadGovernments = new[] { "US", "KE" }, memberGovernments = new[] { "AU", "CL" }, newEndDate = "2029-06-30T00:00:00Z",
        });
        await _d.SubmitDraftAsync("report", "diplomat.us@foc.example", "We issued two statements and held four briefings.");
        var round = await _d.ResourceIdAsync("decide");

        foreach (var member in SteeringCommittee.Take(3)) await _d.RespondAsync(round, member, "endorse");

        Assert.Equal("finished", (await _d.InstanceAsync()).Str("status"));
        var taskForce = await (await _app.ClientAs(People.Chair).GetAsync("/api/task-forces/internet-shutdowns")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("2029-06-30", taskForce.Str("endDate"));
    }

    [Fact]
    public async Task FreedomOnlineConference_FromCallForProposalsToPublishedOutcome()
    {
        await _d.LaunchAsync("freedom-online-conference", new { edition = "FOC 2027 Tallinn" });
        await _d.WaitingOnAsync("proposals-close");
        await _d.PassAsync(TimeSpan.FromDays(30));
        await _d.SubmitDraftAsync("programme", People.Secretariat, "Day 1: keynote.\n\nDay 2: workshops.");
        var review = await _d.ResourceIdAsync("an-review");
        await _d.CommentAsync(review, "advisor.press@foc.example", 2, "Add a session on press freedom.");
        await _d.PassAsync(TimeSpan.FromDays(10));
        await _d.WaitingOnAsync("an-dispose");
        await _d.DisposeAllAsync(review, People.Secretariat); // no task force: the secretariat holds the pen
        var approval = await _d.ResourceIdAsync("approve");
        foreach (var member in SteeringCommittee) await _d.RespondAsync(approval, member, "endorse");
        await _d.SubmitDraftAsync("outcome", People.Chair, "The conference affirmed that rights apply online.");
        await _d.PassAsync(TimeSpan.FromHours(72));

        var instance = await _d.InstanceAsync();
        Assert.Equal("finished", instance.Str("status"));
        Assert.True(await _app.QueryAsync(db => db.Outbox.AnyAsync(m => m.NodeId == "invite")));
        Assert.NotNull(instance["outputs"]!["publish"]);
    }
}
