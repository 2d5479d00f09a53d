using Bunit;
using FocWorkflows.Designer.Pages.Consultations;
using FocWorkflows.Designer.Ports;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Consultations;

public sealed class AdvisorConsultationPageTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly AdvisorReader Priya = new("Priya Raman", "advisor.tech@foc.example", "Asia/Kolkata", "en");

    private readonly FakePort _port = new();

    private sealed class FakePort : IAdvisorConsultationPort
    {
        public AdvisorConsultationView View { get; set; } = null!;
        public CommentResult Result { get; set; } = null!;
        public List<(string Id, string? Token)> Opened { get; } = [];
        public List<AdvisorCommentRequest> Sent { get; } = [];

        public Task<AdvisorConsultationView> OpenAsync(string consultationId, string? token, CancellationToken ct)
        {
            Opened.Add((consultationId, token));
            return Task.FromResult(View);
        }

        public Task<CommentResult> CommentAsync(string consultationId, string? token, AdvisorCommentRequest comment, CancellationToken ct)
        {
            Sent.Add(comment);
            return Task.FromResult(Result);
        }

        public Task<AdvisorConsultationView> OpenSignedInAsync(string consultationId, string email, CancellationToken ct)
        {
            Opened.Add((consultationId, $"signed-in:{email}"));
            return Task.FromResult(View);
        }

        public Task<CommentResult> CommentSignedInAsync(string consultationId, string email, AdvisorCommentRequest comment, CancellationToken ct)
        {
            Sent.Add(comment);
            return Task.FromResult(Result);
        }
    }

    public AdvisorConsultationPageTests() => Services.AddSingleton<IAdvisorConsultationPort>(_port);

    private static AdvisorConsultation Consultation(AdvisorReader? reader = null, bool accepts = true, IReadOnlyList<AdvisorComment>? mine = null) =>
        new("c-1", "Draft statement on AI and human rights", reader ?? Priya, 2, Now.AddDays(3), accepts, accepts ? null : Now.AddHours(-1),
            [new(1, "<p>States should protect human rights online.</p>"), new(2, "<p>High-risk <em>AI</em> systems need audits.</p>"), new(3, "<h2>Annex</h2>")],
            mine ?? []);

    private IRenderedComponent<AdvisorConsultationPage> Open(AdvisorConsultationView view)
    {
        _port.View = view;
        Services.GetRequiredService<NavigationManager>().NavigateTo("consultations/c-1?token=tok-123");
        return Render<AdvisorConsultationPage>(p => p.Add(x => x.Id, "c-1"));
    }

    [Fact]
    public void Open_ValidLink_RendersTheNumberedParagraphsAndOffersTheirNumbers()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));

        Assert.Equal(("c-1", "tok-123"), Assert.Single(_port.Opened));
        Assert.Equal("Draft statement on AI and human rights", page.Find("h1").TextContent);
        var paragraphs = page.FindAll("section.paragraph");
        Assert.Equal(["1", "2", "3"], paragraphs.Select(p => p.QuerySelector(".paragraph-number")!.TextContent));
        Assert.Equal("AI", paragraphs[1].QuerySelector("em")!.TextContent);
        var options = page.FindAll("select#paragraph option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "1", "2", "3"], options);
        Assert.Equal("paragraph", page.Find("label[for=paragraph]").GetAttribute("for"));
        Assert.NotNull(page.Find("label[for=text]"));
        Assert.NotNull(page.Find("label[for=quote]"));
    }

    [Fact]
    public void Open_ValidLink_OffersTheDraftAsAWordDocumentThroughTheSameLink()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));

        var download = page.Find(".draft a[download]");
        Assert.Equal("/api/consultations/c-1/draft.docx?token=tok-123", download.GetAttribute("href"));
        Assert.Equal("Download the draft as a Word document", download.TextContent);
    }

    [Fact]
    public void Open_ShowsTheDeadlineHumanizedAndExactInTheAdvisorsTimeZone()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));

        Assert.Equal("3 days from now", page.Find(".deadline .relative").TextContent);
        var exact = page.Find(".deadline time.exact");
        Assert.Equal("2026-11-30T09:00:00Z", exact.GetAttribute("datetime"));
        Assert.Contains("November 30, 2026", exact.TextContent);
        Assert.Contains("2:30", exact.TextContent); // 09:00 UTC is 14:30 in Kolkata
        Assert.Contains("Asia/Kolkata, UTC+05:30", exact.TextContent);
    }

    [Fact]
    public void Open_SpanishSpeakingAdvisor_GetsTheDeadlineInSpanishAndTheirZone()
    {
        var tomas = new AdvisorReader("Tomás Ortega", "advisor.uni@foc.example", "America/Argentina/Buenos_Aires", "es");

        var page = Open(AdvisorConsultationView.Of(Now, Consultation(tomas)));

        var relative = page.Find(".deadline .relative");
        Assert.Equal("es", relative.GetAttribute("lang"));
        Assert.Contains("3 días", relative.TextContent);
        var exact = page.Find(".deadline time.exact").TextContent;
        Assert.Contains("noviembre", exact);
        Assert.Contains("6:00", exact); // 09:00 UTC is 06:00 in Buenos Aires
        Assert.Contains("UTC-03:00", exact);
    }

    [Fact]
    public void Open_ListsTheAdvisorsEarlierComments()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation(mine:
            [new AdvisorComment("k-1", 2, "High-risk", "Define 'high-risk'.", Now.AddHours(-2))])));

        var comment = page.Find("li.my-comment");
        Assert.Contains("Paragraph 2", comment.TextContent);
        Assert.Equal("High-risk", comment.QuerySelector("blockquote")!.TextContent);
        Assert.Equal("Define 'high-risk'.", comment.QuerySelector(".comment-text")!.TextContent);
    }

    [Fact]
    public void Submit_EmptyText_ShowsTheErrorNextToTheFieldAndSendsNothing()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));

        page.Find("select#paragraph").Change("2");
        page.Find("form").Submit();

        Assert.Empty(_port.Sent);
        Assert.Equal("Write your comment.", page.Find("#text-error").TextContent);
        var text = page.Find("textarea#text");
        Assert.Equal("text-error", text.GetAttribute("aria-describedby"));
        Assert.Equal("true", text.GetAttribute("aria-invalid"));
        Assert.Empty(page.FindAll("#paragraph-error"));
        Assert.NotNull(page.Find("[role=alert]"));
    }

    [Fact]
    public void Submit_NoParagraphChosen_ShowsTheParagraphError()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));

        page.Find("textarea#text").Change("Too vague.");
        page.Find("form").Submit();

        Assert.Empty(_port.Sent);
        Assert.Equal("Choose the paragraph your comment is about.", page.Find("#paragraph-error").TextContent);
        Assert.Equal("paragraph-error", page.Find("select#paragraph").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Submit_ValidComment_SendsItAndConfirmsWithAnEmptyForm()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));
        _port.Result = CommentResult.Posted(new AdvisorComment("k-9", 2, "audits", "Say who audits.", Now));

        page.Find("select#paragraph").Change("2");
        page.Find("input#quote").Change("audits");
        page.Find("textarea#text").Change("Say who audits.");
        page.Find("form").Submit();

        var sent = Assert.Single(_port.Sent);
        Assert.Equal((2, "audits", "Say who audits."), (sent.Paragraph, sent.Quote, sent.Text));
        Assert.False(string.IsNullOrEmpty(sent.IdempotencyKey));
        Assert.Contains("paragraph 2 was received", page.Find(".notice.success").TextContent);
        Assert.Equal("", page.Find("textarea#text").GetAttribute("value") ?? "");
        Assert.Equal(2, _port.Opened.Count); // reloaded, so the new comment is listed
    }

    [Fact]
    public void Submit_ServerRefusesAField_ShowsItsMessageNextToTheField()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));
        _port.Result = CommentResult.Invalid(new Dictionary<string, string> { ["Paragraph"] = "Choose a paragraph from 1 to 3." });

        page.Find("select#paragraph").Change("3");
        page.Find("textarea#text").Change("Fine.");
        page.Find("form").Submit();

        Assert.Equal("Choose a paragraph from 1 to 3.", page.Find("#paragraph-error").TextContent);
        Assert.Empty(page.FindAll(".notice.success"));
    }

    [Fact]
    public void Open_ExpiredLink_SaysWhenInTheAdvisorsZoneAndToAskForANewOne()
    {
        var expiredAt = new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero);

        var page = Open(AdvisorConsultationView.Refused(Now,
            new AdvisorPageProblem(AdvisorPageProblemKind.ExpiredLink, "The link expired.", expiredAt, Priya)));

        Assert.Equal("This link has expired", page.Find("h1").TextContent);
        var message = page.Find("p.expired").TextContent;
        Assert.StartsWith("This link expired on", message);
        Assert.Contains("December 18, 2026 2:30", message);
        Assert.EndsWith("ask the secretariat for a new one.", message);
        Assert.Empty(page.FindAll("textarea"));
        Assert.Empty(page.FindAll("section.paragraph"));
    }

    [Fact]
    public void Open_InvalidLink_ExplainsWithoutAnyDetailOfTheServer()
    {
        var page = Open(AdvisorConsultationView.Refused(Now,
            new AdvisorPageProblem(AdvisorPageProblemKind.InvalidLink, "The link is not valid: it was changed or was not issued by this server.")));

        Assert.Equal("This link does not work", page.Find("h1").TextContent);
        Assert.Contains("Ask the secretariat for a new link.", page.Find("section.link-problem").TextContent);
        Assert.Empty(page.FindAll("textarea"));
    }

    [Fact]
    public void Open_ClosedConsultation_SaysSoAndOffersNoForm()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation(accepts: false)));

        Assert.Contains("This consultation closed on", page.Find(".notice.closed").TextContent);
        Assert.Empty(page.FindAll("textarea"));
        Assert.Empty(page.FindAll(".deadline"));
        Assert.Equal(3, page.FindAll("section.paragraph").Count);
    }

    [Fact]
    public void Submit_WindowClosedMeanwhile_ShowsTheClosedPageAndGivesTheTextBack()
    {
        var page = Open(AdvisorConsultationView.Of(Now, Consultation()));
        _port.Result = CommentResult.Refused(new AdvisorPageProblem(AdvisorPageProblemKind.Closed, "Closed.", Now, Priya));

        page.Find("select#paragraph").Change("1");
        page.Find("textarea#text").Change("My long considered comment.");
        page.Find("form").Submit();

        Assert.Equal("This consultation is closed", page.Find("h1").TextContent);
        Assert.Equal("My long considered comment.", page.Find(".unsent textarea").TextContent);
    }

    [Fact]
    public void Open_SignedInWithoutAToken_OpensAndCommentsAsTheSignedInPerson()
    {
        AddAuthorization().SetAuthorized("Priya Raman").SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Email, Priya.Email));
        _port.View = AdvisorConsultationView.Of(Now, Consultation());
        _port.Result = CommentResult.Posted(new AdvisorComment("k-1", 2, null, "Cite ICCPR.", Now));
        var page = Render<AdvisorConsultationPage>(p => p.Add(x => x.Id, "c-1"));

        page.Find("select#paragraph").Change("2");
        page.Find("textarea#text").Change("Cite ICCPR.");
        page.Find("form").Submit();

        Assert.Equal(("c-1", "signed-in:advisor.tech@foc.example"), _port.Opened[0]);
        Assert.Equal("Cite ICCPR.", Assert.Single(_port.Sent).Text);
    }
}
