using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>
/// A form filled in while the situation changed (the round closed, the task was done by someone else):
/// posting it explains what changed, gives the typed text back and records nothing.
/// </summary>
public sealed class LateFormPagesTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>The page as answered to a form that came too late: a 409 page, as the API answers the same act, never a bare 400.</summary>
    private static async Task<string> LatePageAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.Conflict)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 800)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    /// <summary>The text of the page's alert, and the texts given back in read-only fields.</summary>
    private static (string Alert, string[] GivenBack) Late(string html) =>
        (Regex.Match(html, "<p class=\"notice error\" role=\"alert\">([^<]*)</p>").Groups[1].Value,
         [.. Regex.Matches(html, "<textarea id=\"unsent-[^\"]*\" readonly[^>]*>([^<]*)</textarea>").Select(m => m.Groups[1].Value)]);

    private Task<(string InstanceId, string RoundId)> OpenSilenceAsync() =>
        _app.OpenRoundAsync(new { title = "Joint statement", mode = "silence", audience = "list", governments = new[] { "CA", "GH" }, window = "PT72H" });

    private Task CloseConsultationAsync(string consultationId) =>
        _app.PostAsync(People.Chair, $"/api/consultations/{consultationId}/close", new { reason = "Enough input." })
            .ContinueWith(t => t.Result.EnsureSuccessStatusCode());

    [Fact]
    public async Task Approval_ResponseSentAfterTheRoundClosed_SaysSoGivesTheTextBackAndRecordsNothing()
    {
        var (_, roundId) = await OpenSilenceAsync();
        var browser = await _app.SignedInAsync(ApprovalTestKit.Canada);
        var url = $"/approvals/{roundId}";
        var page = await browser.GetStringAsync(url);
        (await _app.RespondAsync(ApprovalTestKit.Ghana, roundId, "object", "Not now.")).EnsureSuccessStatusCode(); // silence broken: the round closes

        var response = await PostAsync(browser, url, page, "respond", new()
        {
            ["Kind"] = "object", ["Reason"] = "Paragraph 2 is too broad.", ["ProposedText"] = "Narrow it to elections.",
        });

        var (alert, givenBack) = Late(await LatePageAsync(response));
        Assert.Equal("This round closed on Fri 27 Nov 2026, 04:00 (America/Toronto, UTC-05:00): not adopted (silence broken). Your response was not recorded.", alert);
        Assert.Equal(["Paragraph 2 is too broad.", "Narrow it to elections."], givenBack);
        Assert.Equal(["GH"], (await _app.ResponsesAsync(roundId)).Select(r => r.Government));
    }

    [Fact]
    public async Task Approval_ExtensionSentAfterTheRoundClosed_SaysSoGivesTheReasonBackAndMovesNothing()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        var browser = await _app.SignedInAsync(People.Chair);
        var url = $"/approvals/{roundId}";
        var page = await browser.GetStringAsync(url);
        (await _app.RespondAsync(ApprovalTestKit.Ghana, roundId, "object", "Not now.")).EnsureSuccessStatusCode();

        var response = await PostAsync(browser, url, page, "extend-deadline", new() { ["Until"] = "2026-12-01T11:00", ["Reason"] = "Capitals need a day." });

        var (alert, givenBack) = Late(await LatePageAsync(response));
        Assert.StartsWith("This round closed on Fri 27 Nov 2026, 11:00 (Europe/Tallinn, UTC+02:00)", alert);
        Assert.EndsWith(": not adopted (silence broken). The deadline was not extended.", alert);
        Assert.Equal(["2026-12-01T11:00", "Capitals need a day."], givenBack);
        Assert.Equal(ApprovalTestKit.Deadline, (await _app.RoundAsync(roundId)).Deadline);
        Assert.Empty(await _app.EventsAsync(instanceId, "approval-extended"));
    }

    [Fact]
    public async Task Consultation_CommentSentThroughTheLinkAfterTheConsultationClosed_GivesTheTextBackAndStoresNothing()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var closesAt = (await _app.ConsultationAsync(consultationId)).ClosesAt;
        var token = _app.Services.GetRequiredService<AdvisorLinks>().CreateToken(ConsultationKit.AdvisorUni, consultationId, closesAt);
        var url = $"/consultations/{consultationId}?token={Uri.EscapeDataString(token)}";
        var browser = _app.CreateClient();
        var page = await browser.GetStringAsync(url);
        await CloseConsultationAsync(consultationId);

        var response = await PostCommentAsync(browser, url, page, "Say who audits the auditors.");

        var html = await LatePageAsync(response);
        Assert.Contains("This consultation closed on", html);
        var (alert, givenBack) = Late(html);
        Assert.Equal("Your comment was not sent.", alert);
        Assert.Equal(["independent audits", "Say who audits the auditors."], givenBack);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Consultation_CommentSentSignedInAfterTheConsultationClosed_GivesTheTextBackAndStoresNothing()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = await _app.SignedInAsync(ConsultationKit.AdvisorTech);
        var url = $"/consultations/{consultationId}";
        var page = await browser.GetStringAsync(url);
        await CloseConsultationAsync(consultationId);

        var response = await PostCommentAsync(browser, url, page, "Say who audits.");

        var (alert, givenBack) = Late(await LatePageAsync(response));
        Assert.Equal("Your comment was not sent.", alert);
        Assert.Equal(["independent audits", "Say who audits."], givenBack);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Consultation_CloseEarlySentAfterTheWindowClosed_SaysWhoseCloseStandsAndKeepsIt()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = await _app.SignedInAsync(People.CoChair);
        var url = $"/consultations/{consultationId}/dispositions";
        var page = await browser.GetStringAsync(url);
        await CloseConsultationAsync(consultationId);

        var response = await PostAsync(browser, url, page, "close-early", new() { ["Reason"] = "The task force has enough input." });

        var (alert, givenBack) = Late(await LatePageAsync(response));
        Assert.Equal("The consultation closed on Fri 27 Nov 2026, 10:00 (Europe/Zurich, UTC+01:00), for this reason: Enough input. Your reason for closing it was not recorded.", alert);
        Assert.Equal(["The task force has enough input."], givenBack);
        var consultation = await _app.ConsultationAsync(consultationId);
        Assert.Equal((People.Chair, "Enough input."), (consultation.ClosedBy, consultation.CloseReason));
    }

    [Fact]
    public async Task Draft_VersionSentAfterTheStepMovedOn_GivesTheTextBackAndStoresOneVersion()
    {
        await _app.PublishAsync(DraftFlows.Drafting("one-draft", drafts: 1).Build());
        var instanceId = await DraftFlows.LaunchAsync(_app, "one-draft");
        var browser = await _app.SignedInAsync(People.CoChair);
        var url = $"/instances/{instanceId}/drafts/latest";
        var page = await browser.GetStringAsync(url);
        (await DraftFlows.SubmitAsync(_app, instanceId, ConsultationKit.PenHolderNl, "# Statement\n\nFrom the Netherlands.")).EnsureSuccessStatusCode();

        var response = await PostAsync(browser, url, page, "submit-draft", new() { ["Markdown"] = "# Statement\n\nStates should keep the internet on.", ["Note"] = "First cut" });

        var (alert, givenBack) = Late(await LatePageAsync(response));
        Assert.Equal("This draft no longer takes a version from you: the drafting step moved on (the latest is version 1). Your text was not submitted.", alert);
        Assert.Equal(["# Statement\n\nStates should keep the internet on.", "First cut"], givenBack);
        Assert.Equal([ConsultationKit.PenHolderNl], (await _app.QueryAsync(db => db.Set<FocWorkflows.Server.Deliberation.Drafts.DraftVersion>()
            .Where(d => d.InstanceId == instanceId).Select(d => d.SubmittedBy).ToListAsync())));
    }

    [Fact]
    public async Task Inbox_CompletionSentAfterSomeoneElseCompletedTheTask_GivesTheNoteBackAndKeepsTheirs()
    {
        await _app.PublishAsync(Define("review").Start()
            .Node("review", ControlActivityTypes.HumanTask, new
            {
                title = "Review the charter", assignees = new[] { People.MemberCanada, People.MemberGhana }, dueIn = "P3D",
                actions = new[] { "Approve", "Reject" }, fields = new object[] { new { name = "note", label = "Note", required = true } },
            })
            .Node("done", ControlActivityTypes.Log, new { message = "done" })
            .Chain("start", "review").Connect("review", "done", "Approve").Connect("review", "done", "Reject").Build());
        var instance = await _app.StartAsync("review");
        var taskId = Assert.Single(await _app.TasksAsync(instance.Id)).Id;
        var browser = await _app.SignedInAsync(People.MemberCanada);
        var inbox = await browser.GetStringAsync("/inbox");
        (await _app.ClientAs(People.MemberGhana).PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { action = "Reject", data = new { note = "Ghana disagrees." } }))
            .EnsureSuccessStatusCode();

        var response = await PostAsync(browser, "/inbox", inbox, "complete", new() { ["Action"] = "Approve", ["Data[note]"] = "Fine by Canada" });

        var (alert, givenBack) = Late(await LatePageAsync(response));
        Assert.Equal("This task no longer waits on you: someone else completed it, or the workflow moved on. Your completion was not recorded.", alert);
        Assert.Equal(["Fine by Canada"], givenBack);
        var task = Assert.Single(await _app.TasksAsync(instance.Id));
        Assert.Equal((HumanTaskStatus.Completed, People.MemberGhana, "Reject"), (task.Status, task.CompletedBy, task.Action));
    }

    /// <summary>Posts the advisor's comment form of a page loaded earlier, quoting "independent audits" from paragraph 2.</summary>
    private static Task<HttpResponseMessage> PostCommentAsync(HttpClient browser, string url, string page, string text) =>
        browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page), ["_handler"] = "advisor-comment",
            ["Model.Key"] = Regex.Match(page, "name=\"Model.Key\" value=\"([^\"]+)\"").Groups[1].Value,
            ["Model.Paragraph"] = "2", ["Model.Quote"] = "independent audits", ["Model.Text"] = text,
        }));
}
