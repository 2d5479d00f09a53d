using System.Net;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The secretariat acting for a diplomat or a pen-holder from the pages; the journal names both.</summary>
public sealed class OnBehalfPagesTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<(string InstanceId, string RoundId)> OpenSilenceAsync() => _app.OpenRoundAsync(new
    {
        title = "Joint statement on Internet shutdowns", mode = "silence", audience = "list", governments = new[] { "CA", "GH", "JP" }, window = "PT72H",
    });

    [Fact]
    public async Task Approval_TheSecretariatRespondsOnBehalfOfADiplomat_AndIsJournaledAsActingForThem()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        await _app.RespondAsync(ApprovalTestKit.Ghana, roundId, "endorse");
        var browser = await _app.SignedInAsync(People.Secretariat);
        var url = $"/approvals/{roundId}";

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(url));
        var response = await SubmitAsync(browser, url, "respond", new() { ["OnBehalfOf"] = ApprovalTestKit.Japan, ["Kind"] = "endorse" });

        // Ghana responded: its diplomat comes after those still to respond, Japan's among them.
        Assert.True(page.IndexOf($"value=\"{ApprovalTestKit.Japan}\"", StringComparison.Ordinal) < page.IndexOf($"value=\"{ApprovalTestKit.Ghana}\"", StringComparison.Ordinal));
        Assert.DoesNotContain($"value=\"{ApprovalTestKit.Kenya}\"", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = Assert.Single(await _app.ResponsesAsync(roundId), r => r.Government == "JP");
        Assert.Equal((ResponseKind.Endorse, People.Secretariat, ApprovalTestKit.Japan), (row.Kind, row.By, row.OnBehalfOf));
        var entry = Assert.Single(await _app.EventsAsync(instanceId, ApprovalResponding.Recorded), e => e.OnBehalfOf is not null);
        Assert.Equal((People.Secretariat, ApprovalTestKit.Japan), (entry.Actor, entry.OnBehalfOf));
    }

    [Fact]
    public async Task Approval_OnBehalfOfADiplomatOutsideTheRound_IsRefusedOnThePageAndRecordsNothing()
    {
        var (_, roundId) = await OpenSilenceAsync();
        var browser = await _app.SignedInAsync(People.Secretariat);

        var response = await SubmitAsync(browser, $"/approvals/{roundId}", "respond", new() { ["OnBehalfOf"] = ApprovalTestKit.Kenya, ["Kind"] = "endorse" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You may not respond to this round", await response.Content.ReadAsStringAsync());
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task Approval_WithoutChoosingTheDiplomat_IsShownNextToTheSelect()
    {
        var (_, roundId) = await OpenSilenceAsync();
        var browser = await _app.SignedInAsync(People.Secretariat);

        var response = await SubmitAsync(browser, $"/approvals/{roundId}", "respond", new() { ["Kind"] = "endorse" });

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"on-behalf-error\"", page);
        Assert.Contains("Choose the diplomat you respond for.", page);
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task Dispositions_TheSecretariatDecidesOnBehalfOfAPenHolder()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var comment = await _app.CommentAsync(ConsultationKit.AdvisorUni, consultationId, "Add a definition.", paragraph: 1);
        var commentId = (await comment.JsonAsync())["id"]!.GetValue<string>();
        _app.Clock.Advance(TimeSpan.FromDays(14));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        var browser = await _app.SignedInAsync(People.Secretariat);
        var url = $"/consultations/{consultationId}/dispositions";

        var response = await SubmitAsync(browser, url, $"[comment-{commentId}]dispose", new()
        {
            ["OnBehalfOf"] = ConsultationKit.PenHolderNl, ["Decision"] = "noted",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var disposition = await _app.QueryAsync(db => db.Set<Disposition>().AsNoTracking().SingleAsync(d => d.CommentId == commentId));
        Assert.Equal((DispositionDecision.Noted, People.Secretariat, ConsultationKit.PenHolderNl), (disposition.Decision, disposition.By, disposition.OnBehalfOf));
    }
}
