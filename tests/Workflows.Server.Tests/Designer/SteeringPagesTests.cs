using System.Net;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>
/// Extending and closing early from the pages, over HTTP with a cookie session. Moments are typed in
/// the viewer's zone: the chair is in Europe/Tallinn (UTC+02:00), the co-chair in Europe/Zurich (UTC+01:00).
/// </summary>
public sealed class SteeringPagesTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();


    private Task<(string InstanceId, string RoundId)> OpenSilenceAsync() => _app.OpenRoundAsync(new
    {
        title = "Joint statement on Internet shutdowns", mode = "silence", audience = "list", governments = new[] { "CA", "GH", "JP" }, window = "PT72H",
    });

    [Fact]
    public async Task Approval_TheChairExtendsThroughTheForm_MovesTheRoundItsInboxTaskAndSaysSo()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        var browser = await _app.SignedInAsync(People.Chair);
        var url = $"/approvals/{roundId}";

        var response = await SubmitAsync(browser, url, "extend-deadline", new() { ["Until"] = "2026-12-01T11:00", ["Reason"] = "Capitals need a day." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"{url}?steered=extended", response.Headers.Location?.OriginalString);
        var extended = ApprovalTestKit.Deadline.AddHours(24);
        Assert.Equal(extended, (await _app.RoundAsync(roundId)).Deadline);
        Assert.Equal(extended, Assert.Single(await _app.TasksAsync(instanceId)).DueAt);
        var entry = Assert.Single(await _app.EventsAsync(instanceId, "approval-extended"));
        Assert.Equal(People.Chair, entry.Actor);
        Assert.Contains("Capitals need a day.", entry.DetailsJson);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"{url}?steered=extended"));
        Assert.Contains("The deadline was extended: the round closes in 4 days, on Tue 1 Dec 2026, 11:00 (Europe/Tallinn, UTC+02:00).", page);
    }

    [Fact]
    public async Task Approval_AnExtensionBeforeTheCurrentDeadline_IsShownNextToTheFieldAndChangesNothing()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        var browser = await _app.SignedInAsync(People.Chair);

        var response = await SubmitAsync(browser, $"/approvals/{roundId}", "extend-deadline", new() { ["Until"] = "2026-11-29T11:00", ["Reason"] = "Shorter." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"extend-until-error\"", page);
        Assert.Contains("must be later than the current one, Mon 30 Nov 2026, 11:00", page);
        Assert.Equal(ApprovalTestKit.Deadline, (await _app.RoundAsync(roundId)).Deadline);
        Assert.Empty(await _app.EventsAsync(instanceId, "approval-extended"));
    }

    [Fact]
    public async Task Approval_ForAMember_HasNoExtendForm()
    {
        var (_, roundId) = await OpenSilenceAsync();
        var browser = await _app.SignedInAsync(ApprovalTestKit.Canada);

        var page = await browser.GetStringAsync($"/approvals/{roundId}");

        Assert.Contains("respond-form", page);
        Assert.DoesNotContain("extend-form", page);
    }

    [Fact]
    public async Task Consultation_TheCoChairExtendsThenClosesEarlyFromTheResolutionPage()
    {
        var (instanceId, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = await _app.SignedInAsync(People.CoChair);
        var url = $"/consultations/{consultationId}/dispositions";

        var extend = await SubmitAsync(browser, url, "extend-deadline", new() { ["Until"] = "2026-12-14T10:00", ["Reason"] = "More advisors asked to join." });

        Assert.EndsWith($"{url}?steered=extended", extend.Headers.Location?.OriginalString);
        var newClose = TestApp.Epoch.AddDays(17);
        Assert.Equal(newClose, (await _app.ConsultationAsync(consultationId)).ClosesAt);
        Assert.Equal(newClose, Assert.Single(await _app.TasksAsync(instanceId)).DueAt);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"{url}?steered=extended"));
        Assert.Contains("The deadline was extended: the window closes in 2 weeks, on Mon 14 Dec 2026, 10:00 (Europe/Zurich, UTC+01:00)", page);

        var close = await SubmitAsync(browser, url, "close-early", new() { ["Reason"] = "The task force has enough input." });

        Assert.EndsWith($"{url}?steered=closed", close.Headers.Location?.OriginalString);
        var consultation = await _app.ConsultationAsync(consultationId);
        Assert.Equal((ConsultationStatus.Closed, People.CoChair, "The task force has enough input."),
            (consultation.Status, consultation.ClosedBy, consultation.CloseReason));
        var closed = WebUtility.HtmlDecode(await browser.GetStringAsync($"{url}?steered=closed"));
        Assert.Contains("The consultation was closed early", closed);
        Assert.Contains(": The task force has enough input.", closed);
        Assert.DoesNotContain("close-form", closed);
    }

    [Fact]
    public async Task Consultation_CloseWithoutAReason_IsShownNextToTheFieldAndChangesNothing()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = await _app.SignedInAsync(People.Chair);

        var response = await SubmitAsync(browser, $"/consultations/{consultationId}/dispositions", "close-early", new() { ["Reason"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"close-reason-error\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(ConsultationStatus.Open, (await _app.ConsultationAsync(consultationId)).Status);
    }

    [Fact]
    public async Task Consultation_AMemberOfTheTaskForce_SeesTheWindowButNoSteering()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = await _app.SignedInAsync(People.MemberCanada);

        var page = await browser.GetStringAsync($"/consultations/{consultationId}/dispositions");

        Assert.Contains("closes in 2 weeks", page);
        Assert.DoesNotContain("extend-form", page);
        Assert.DoesNotContain("close-form", page);
    }

    [Fact]
    public async Task Consultation_TheChairOnTheAdvisorsPage_IsPointedToTheResolutionPage()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var browser = await _app.SignedInAsync(People.Chair);

        var response = await browser.GetAsync($"/consultations/{consultationId}");

        Assert.Contains($"href=\"/consultations/{consultationId}/dispositions\"", await response.Content.ReadAsStringAsync());
    }
}
