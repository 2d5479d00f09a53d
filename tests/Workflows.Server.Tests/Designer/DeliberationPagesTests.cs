using System.Net;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>Responding to a round, submitting a draft and disposing a comment through the pages, over HTTP with a cookie session.</summary>
public sealed class DeliberationPagesTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<(string InstanceId, string RoundId)> OpenSilenceAsync() => _app.OpenRoundAsync(new
    {
        title = "Joint statement on Internet shutdowns", mode = "silence", audience = "list", governments = new[] { "CA", "GH", "JP" }, window = "PT72H",
    });

    [Fact]
    public async Task Approval_AMemberObjectsThroughTheForm_AndTheSilenceRoundClosesNotAdopted()
    {
        var (_, roundId) = await OpenSilenceAsync();
        var browser = _app.Browser();
        await SignInAsync(browser, ApprovalTestKit.Canada);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/approvals/{roundId}"));
        var response = await SubmitAsync(browser, $"/approvals/{roundId}", "respond", new()
        {
            ["Kind"] = "object", ["Reason"] = "Paragraph 2 is too broad.", ["ProposedText"] = "Narrow it to elections.",
        });

        Assert.Contains("Joint statement on Internet shutdowns", page);
        Assert.Contains("closes in 3 days", page);
        Assert.Contains("value=\"noObjection\"", page);
        Assert.Contains("Response for Canada (required)", page); // the government by name, not "CA"
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var round = await _app.RoundAsync(roundId);
        Assert.Equal((ApprovalStatus.Closed, ApprovalResult.NotAdopted), (round.Status, round.Result));
        var closed = WebUtility.HtmlDecode(await browser.GetStringAsync($"/approvals/{roundId}"));
        Assert.Contains("Closed: not adopted (silence broken)", closed);
        Assert.Contains("Canada", closed);
        Assert.Contains("Paragraph 2 is too broad.", closed);
    }

    [Fact]
    public async Task Approval_AnObjectionWithoutAReason_IsShownNextToTheFieldAndNotRecorded()
    {
        var (_, roundId) = await OpenSilenceAsync();
        var browser = _app.Browser();
        await SignInAsync(browser, ApprovalTestKit.Canada);

        var response = await SubmitAsync(browser, $"/approvals/{roundId}", "respond", new() { ["Kind"] = "object" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reason-error\"", page);
        Assert.Contains("aria-describedby=\"reason-error\"", page);
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task Approval_ForADiplomatOutsideTheAudience_IsNotAllowedAndShowsNothingOfIt()
    {
        var (_, roundId) = await OpenSilenceAsync();
        var browser = _app.Browser();
        await SignInAsync(browser, ApprovalTestKit.Kenya);

        var response = await browser.GetAsync($"/approvals/{roundId}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Not allowed", page);
        Assert.DoesNotContain("Joint statement on Internet shutdowns", page);
        Assert.DoesNotContain("respond-form", page);
    }

    [Fact]
    public async Task Draft_APenHolderSubmitsTheFirstVersionThroughTheForm_AndSeesIt()
    {
        await _app.PublishAsync(DraftFlows.Drafting("one-draft", drafts: 1).Build());
        var instanceId = await DraftFlows.LaunchAsync(_app, "one-draft");
        var browser = _app.Browser();
        await SignInAsync(browser, People.CoChair);

        var response = await SubmitAsync(browser, $"/instances/{instanceId}/drafts/latest", "submit-draft", new()
        {
            ["Markdown"] = "# Statement\n\nStates should keep the internet on.", ["Note"] = "First cut",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var version = await _app.QueryAsync(db => db.Set<DraftVersion>().AsNoTracking().SingleAsync(d => d.InstanceId == instanceId));
        Assert.Equal((1, People.CoChair, "First cut"), (version.Number, version.SubmittedBy, version.Note));
        var page = await browser.GetStringAsync($"/instances/{instanceId}/drafts/1");
        Assert.Contains("States should keep the internet on.", page);
        Assert.DoesNotContain("draft-form", page); // the step is done
    }

    [Fact]
    public async Task Draft_ForAMember_HasNoSubmitForm()
    {
        await _app.PublishAsync(DraftFlows.Drafting("one-draft", drafts: 1).Build());
        var instanceId = await DraftFlows.LaunchAsync(_app, "one-draft");
        var browser = _app.Browser();
        await SignInAsync(browser, People.MemberCanada);

        var page = await browser.GetStringAsync($"/instances/{instanceId}/drafts/latest");

        Assert.Contains("No version has been submitted yet.", page);
        Assert.DoesNotContain("draft-form", page);
    }

    [Fact]
    public async Task Dispositions_APenHolderDisposesACommentThroughItsForm()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var comment = await _app.CommentAsync(ConsultationKit.AdvisorUni, consultationId, "Add a definition.", paragraph: 1);
        var commentId = (await comment.JsonAsync())["id"]!.GetValue<string>();
        _app.Clock.Advance(TimeSpan.FromDays(14));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        var browser = _app.Browser();
        await SignInAsync(browser, ConsultationKit.PenHolderNl);

        var url = $"/consultations/{consultationId}/dispositions";
        var page = await browser.GetStringAsync(url);
        var response = await SubmitAsync(browser, url, $"[comment-{commentId}]dispose", new()
        {
            ["Decision"] = "notAccepted", ["Reason"] = "Out of scope for this statement.",
        });

        Assert.Contains("Add a definition.", page);
        Assert.Contains($"/api/consultations/{consultationId}/dispositions.csv", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var disposition = await _app.QueryAsync(db => db.Set<Disposition>().AsNoTracking().SingleAsync(d => d.CommentId == commentId));
        Assert.Equal((DispositionDecision.NotAccepted, "Out of scope for this statement.", ConsultationKit.PenHolderNl),
            (disposition.Decision, disposition.Reason, disposition.By));
    }

    [Fact]
    public async Task Dispositions_WhileTheWindowIsStillOpen_OfferNoDecisionAndSayWhy()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        await _app.CommentAsync(ConsultationKit.AdvisorUni, consultationId, "Add a definition.", paragraph: 1);
        var browser = await _app.SignedInAsync(ConsultationKit.PenHolderNl);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/consultations/{consultationId}/dispositions"));

        Assert.Contains("Add a definition.", page);
        Assert.DoesNotContain("]dispose", page);
        Assert.Contains("the workflow's disposition step is open, and it is not open now", page);
    }

    [Fact]
    public async Task Consultation_ASignedInMemberOfTheAudienceWithoutALink_CommentsAsThemselves()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = _app.Browser();
        await SignInAsync(browser, ConsultationKit.AdvisorTech);

        var url = $"/consultations/{consultationId}";
        var page = await browser.GetStringAsync(url);
        var response = await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page), ["_handler"] = "advisor-comment",
            ["Model.Key"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"Model.Key\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Model.Paragraph"] = "1", ["Model.Text"] = "Say who audits.",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("your comment on paragraph 1 was received", await response.Content.ReadAsStringAsync());
        var comment = Assert.Single(await _app.CommentsAsync(consultationId));
        Assert.Equal((ConsultationKit.AdvisorTech, "Say who audits."), (comment.Commenter, comment.Text));
    }

    [Fact]
    public async Task Consultation_ASignedInPersonOutsideTheAudienceWithoutALink_IsRefused()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = _app.Browser();
        await SignInAsync(browser, ConsultationKit.Outsider);

        var response = await browser.GetAsync($"/consultations/{consultationId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You cannot comment on this consultation", await response.Content.ReadAsStringAsync());
    }
}
