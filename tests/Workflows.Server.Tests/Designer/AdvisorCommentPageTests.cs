using System.Net;
using System.Text.RegularExpressions;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The advisor's comment page as a browser without JavaScript uses it: plain GETs and form POSTs.</summary>
public sealed partial class AdvisorCommentPageTests : IDisposable
{
    private const string Draft = """
        States should protect human rights online as offline.

        High-risk AI systems need independent audits.

        - Transparency reports every year.
        - Remedy for those harmed. <script>alert('x')</script>
        """;

    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>A consultation on draft version 2 (recorded here, as the draft step would), and the page's address for one advisor.</summary>
    private async Task<(string ConsultationId, string Url)> OpenPageAsync(string advisor = AdvisorUni)
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        await _app.RecordDraftAsync(instanceId, 2, Draft);
        var closesAt = (await _app.ConsultationAsync(consultationId)).ClosesAt;
        var token = _app.Services.GetRequiredService<AdvisorLinks>().CreateToken(advisor, consultationId, closesAt);
        return (consultationId, $"/consultations/{consultationId}?token={Uri.EscapeDataString(token)}");
    }

    /// <summary>Sends the page's form as a browser would: its antiforgery token and cookie, its handler, and the fields.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string url, string page, string? paragraph, string? quote, string? text)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "advisor-comment",
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["Model.Key"] = Hidden(page, "Model.Key"),
        };
        if (paragraph is not null) fields["Model.Paragraph"] = paragraph;
        if (quote is not null) fields["Model.Quote"] = quote;
        if (text is not null) fields["Model.Text"] = text;
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static string Hidden(string html, string name)
    {
        var input = InputTag().Matches(html).Select(m => m.Value).FirstOrDefault(tag => tag.Contains($"name=\"{name}\""))
            ?? throw new Xunit.Sdk.XunitException($"No input '{name}' in the page.");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input).Groups[1].Value);
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {html[..Math.Min(html.Length, 800)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    [Fact]
    public async Task Get_AdvisorLink_ShowsTheNumberedParagraphsSanitizedAndTheForm()
    {
        var (_, url) = await OpenPageAsync();

        var response = await _app.CreateClient().GetAsync(url);

        var html = await HtmlAsync(response, HttpStatusCode.OK);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy"))); // the token must not leak to linked sites
        Assert.Equal("<title>Draft statement on AI and human rights · Freedom Online Coalition</title>", Assert.Single(TitleTag().Matches(html)).Value);
        Assert.Contains("Tomás Ortega", WebUtility.HtmlDecode(html));
        Assert.Contains("High-risk AI systems need independent audits.", html);
        Assert.Contains("Remedy for those harmed.", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Equal(["", "1", "2", "3", "4"], OptionValues().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("id=\"p4\"", html);
        Assert.Contains("America/Argentina/Buenos_Aires", html); // the deadline in the advisor's own zone
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.DoesNotContain("<button type=\"button\"", html); // "Comment on paragraph N" buttons come with the script only
        Assert.Contains("comment-on-passage.js", html);
    }

    [Fact]
    public async Task Post_Form_StoresTheCommentAttributedToTheAdvisorAndConfirms()
    {
        var (consultationId, url) = await OpenPageAsync();
        var browser = _app.CreateClient();
        var page = await HtmlAsync(await browser.GetAsync(url), HttpStatusCode.OK);

        var html = await HtmlAsync(await SubmitAsync(browser, url, page, "2", "independent audits", "Say who audits the auditors."), HttpStatusCode.OK);

        var comment = Assert.Single(await _app.CommentsAsync(consultationId));
        Assert.Equal((AdvisorUni, (string?)null, 2, "independent audits", "Say who audits the auditors.", (int?)2),
            (comment.Author, comment.OnBehalfOf, comment.Paragraph, comment.Quote, comment.Text, comment.DraftVersion));
        Assert.Contains("your comment on paragraph 2 was received", html);
        Assert.Contains("Say who audits the auditors.", html); // now listed among the advisor's comments
    }

    [Fact]
    public async Task Post_SameFormTwice_StoresOneComment()
    {
        var (consultationId, url) = await OpenPageAsync();
        var browser = _app.CreateClient();
        var page = await HtmlAsync(await browser.GetAsync(url), HttpStatusCode.OK);

        await HtmlAsync(await SubmitAsync(browser, url, page, "1", null, "Once."), HttpStatusCode.OK);
        await HtmlAsync(await SubmitAsync(browser, url, page, "1", null, "Once."), HttpStatusCode.OK);

        Assert.Single(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Post_EmptyText_ShowsTheErrorBesideTheFieldAndStoresNothing()
    {
        var (consultationId, url) = await OpenPageAsync();
        var browser = _app.CreateClient();
        var page = await HtmlAsync(await browser.GetAsync(url), HttpStatusCode.OK);

        var html = await HtmlAsync(await SubmitAsync(browser, url, page, "2", null, "  "), HttpStatusCode.OK);

        Assert.Contains("id=\"text-error\"", html);
        Assert.Contains("Write your comment.", html);
        Assert.Contains("aria-describedby=\"text-error\"", html);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Post_ParagraphBeyondTheDraft_IsRefusedBesideTheField()
    {
        var (consultationId, url) = await OpenPageAsync();
        var browser = _app.CreateClient();
        var page = await HtmlAsync(await browser.GetAsync(url), HttpStatusCode.OK);

        var html = await HtmlAsync(await SubmitAsync(browser, url, page, "9", null, "Out of range."), HttpStatusCode.OK);

        Assert.Contains("Draft version 2 has no paragraph 9: choose a paragraph from 1 to 4.", html);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Post_QuoteNotInTheParagraph_ShowsTheErrorBesideTheQuoteKeepsWhatWasTypedAndStoresNothing()
    {
        var (consultationId, url) = await OpenPageAsync();
        var browser = _app.CreateClient();
        var page = await HtmlAsync(await browser.GetAsync(url), HttpStatusCode.OK);

        var html = WebUtility.HtmlDecode(await HtmlAsync(
            await SubmitAsync(browser, url, page, "2", "protect human rights", "This belongs to paragraph 1."), HttpStatusCode.OK));

        Assert.Contains("<p class=\"field-error\" id=\"quote-error\">The quoted passage is not in paragraph 2 of draft version 2.", html);
        Assert.Contains("aria-describedby=\"quote-hint quote-error\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("value=\"protect human rights\"", html);          // the quote as typed, to correct
        Assert.Contains(">This belongs to paragraph 1.</textarea>", html); // and the comment, not lost
        Assert.Contains("role=\"alert\"", html);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Get_ExpiredLink_ExplainsAndNeverFails()
    {
        var (_, url) = await OpenPageAsync();
        _app.Clock.Advance(TimeSpan.FromDays(14 + 7));

        var html = await HtmlAsync(await _app.CreateClient().GetAsync(url), HttpStatusCode.Unauthorized);

        Assert.Contains("This link expired on", html);
        Assert.Contains("ask the secretariat for a new one", html);
        Assert.Contains("America/Argentina/Buenos_Aires", html);
        Assert.DoesNotContain("<textarea", html);
    }

    [Fact]
    public async Task Post_AfterTheLinkExpired_ShowsTheExpiredPageAndStoresNothing()
    {
        var (consultationId, url) = await OpenPageAsync();
        var browser = _app.CreateClient();
        var page = await HtmlAsync(await browser.GetAsync(url), HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromDays(14 + 7));

        var html = await HtmlAsync(await SubmitAsync(browser, url, page, "1", null, "Written before the deadline."), HttpStatusCode.Unauthorized);

        Assert.Contains("This link expired on", html);
        Assert.Contains("Written before the deadline.", html); // given back so it is not lost
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Get_TamperedLink_SaysTheLinkDoesNotWork()
    {
        var (_, url) = await OpenPageAsync();

        var html = await HtmlAsync(await _app.CreateClient().GetAsync(url[..^6] + (url[^6] == 'A' ? "B" : "A") + url[^5..]), HttpStatusCode.Unauthorized);

        Assert.Contains("This link does not work", html);
    }

    [Fact]
    public async Task Get_AfterTheDeadlineWithinTheGrace_ShowsTheClosedConsultationWithoutAForm()
    {
        var (_, url) = await OpenPageAsync();
        _app.Clock.Advance(TimeSpan.FromDays(15));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);

        var html = await HtmlAsync(await _app.CreateClient().GetAsync(url), HttpStatusCode.OK);

        Assert.Contains("This consultation closed on", html);
        Assert.Contains("High-risk AI systems need independent audits.", html);
        Assert.DoesNotContain("<textarea", html);
    }

    [Fact]
    public async Task Get_AdvisorOutsideTheAudience_IsToldSoWithA403Page()
    {
        var (_, url) = await OpenPageAsync(Outsider);

        var html = await HtmlAsync(await _app.CreateClient().GetAsync(url), HttpStatusCode.Forbidden);

        Assert.Contains("You cannot comment on this consultation", html);
        Assert.DoesNotContain("High-risk AI systems", html);
    }

    [GeneratedRegex("<title>[^<]*</title>")]
    private static partial Regex TitleTag();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<option value(?:=\"(\\d*)\")?>")]
    private static partial Regex OptionValues();
}
