using System.Net;
using System.Text.RegularExpressions;
using FocWorkflows.Server.Tests.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>
/// A form filled in while the situation changed (the round closed, the task was done by someone else):
/// posting it explains what changed, gives the typed text back and records nothing.
/// </summary>
public sealed class StaleFormPagesTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(browser, email);
        return browser;
    }

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

    [Fact]
    public async Task Approval_ResponseSentAfterTheRoundClosed_SaysSoGivesTheTextBackAndRecordsNothing()
    {
        var (_, roundId) = await _app.OpenRoundAsync(new { title = "Joint statement", mode = "silence", audience = "list", governments = new[] { "CA", "GH" }, window = "PT72H" });
        var browser = await SignedInAsync(ApprovalTestKit.Canada);
        var url = $"/approvals/{roundId}";
        var page = await browser.GetStringAsync(url);
        (await _app.RespondAsync(ApprovalTestKit.Ghana, roundId, "object", "Not now.")).EnsureSuccessStatusCode(); // silence broken: the round closes

        var response = await PostAsync(browser, url, page, "respond", new()
        {
            ["Kind"] = "object", ["Reason"] = "Paragraph 2 is too broad.", ["ProposedText"] = "Narrow it to elections.",
        });

        var (alert, givenBack) = Late(await LatePageAsync(response));
        Assert.Equal("This round closed on Fri 27 Nov 2026, 04:00 (America/Toronto, UTC-05:00) (not adopted, silence broken), so your response was not recorded.", alert);
        Assert.Equal(["Paragraph 2 is too broad.", "Narrow it to elections."], givenBack);
        Assert.Equal(["GH"], (await _app.ResponsesAsync(roundId)).Select(r => r.Government));
    }
}
