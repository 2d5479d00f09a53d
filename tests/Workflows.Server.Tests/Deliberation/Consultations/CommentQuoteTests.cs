using System.Net;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

/// <summary>A comment's paragraph and quoted passage are checked against the consulted draft version's text.</summary>
public sealed class CommentQuoteTests : IDisposable
{
    // Paragraph 2 has Markdown inside: the reader sees (and selects) "independent audits", not "**independent audits**".
    private const string Draft = """
        States should protect human rights online as offline.

        High-risk AI systems need **independent audits** before
        deployment, and [public registers](https://registers.example).
        """;

    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>A consultation on draft version 2, whose text is recorded.</summary>
    private async Task<string> OpenOnDraftAsync()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        await _app.RecordDraftAsync(instanceId, 2, Draft);
        return consultationId;
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal([field], problem.ErrorKeys());
        return Assert.Single(problem["errors"]![field]!.AsArray())!.GetValue<string>();
    }

    [Fact]
    public async Task Quote_WithOtherWhitespaceAcrossMarkdown_IsAcceptedAndStoredNormalised()
    {
        var consultationId = await OpenOnDraftAsync();

        var response = await _app.CommentAsync(AdvisorUni, consultationId, "Who audits?", paragraph: 2,
            quote: "  need independent\n   audits before  deployment, and public registers ");

        var body = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("need independent audits before deployment, and public registers", body.Str("quote"));
        var stored = Assert.Single(await _app.CommentsAsync(consultationId));
        Assert.Equal((2, "need independent audits before deployment, and public registers", (int?)2), (stored.Paragraph, stored.Quote, stored.DraftVersion));
    }

    [Theory]
    [InlineData("States should protect")]     // in paragraph 1, not 2
    [InlineData("high-risk AI systems")]      // the case differs
    [InlineData("**independent audits**")]    // Markdown syntax the reader never sees
    [InlineData("registers.example")]         // a link's address is not its text
    public async Task Quote_NotInTheParagraph_Is400OnQuoteAndStoresNothing(string quote)
    {
        var consultationId = await OpenOnDraftAsync();

        var response = await _app.CommentAsync(AdvisorUni, consultationId, "A comment.", paragraph: 2, quote: quote);

        Assert.StartsWith("The quoted passage is not in paragraph 2 of draft version 2.", await ErrorAsync(response, "quote"));
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Paragraph_NotInTheDraft_Is400OnParagraphAndStoresNothing()
    {
        var consultationId = await OpenOnDraftAsync();

        var response = await _app.CommentAsync(AdvisorUni, consultationId, "A comment.", paragraph: 3);

        Assert.Equal("Draft version 2 has no paragraph 3: choose a paragraph from 1 to 2.", await ErrorAsync(response, "paragraph"));
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task DraftVersion_ThatDoesNotExist_Is400OnDraftVersionAndStoresNothing()
    {
        var consultationId = await OpenOnDraftAsync();

        var response = await _app.ClientAs(AdvisorUni).PostAsync($"/api/consultations/{consultationId}/comments",
            ApiHttp.JsonBody(new { paragraph = 1, text = "On a text nobody wrote.", draftVersion = 9 }));

        Assert.Equal("There is no draft version 9: the versions go from 1 to 2.", await ErrorAsync(response, "draftVersion"));
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Quote_LongerThanAThousandCharacters_Is400OnQuoteAndStoresNothing()
    {
        var consultationId = await OpenOnDraftAsync();

        var response = await _app.CommentAsync(AdvisorUni, consultationId, "A comment.", paragraph: 2, quote: new string('a', 1_001));

        Assert.Contains("at most 1,000 characters", await ErrorAsync(response, "quote"));
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Quote_OfExactlyAThousandCharacters_IsCheckedAgainstTheParagraphInstead()
    {
        var consultationId = await OpenOnDraftAsync();

        var response = await _app.CommentAsync(AdvisorUni, consultationId, "A comment.", paragraph: 2, quote: new string('a', 1_000));

        Assert.StartsWith("The quoted passage is not in paragraph 2", await ErrorAsync(response, "quote"));
    }

    [Fact]
    public async Task Quote_WhenTheDraftTextIsUnknown_IsKeptAsSent()
    {
        // OpenAsync names draft version 2 but records no text: nothing to check the quote against.
        var (_, consultationId) = await OpenAsync(_app);

        var response = await _app.CommentAsync(AdvisorUni, consultationId, "A comment.", paragraph: 7, quote: "any words");

        Assert.Equal("any words", (await response.ExpectAsync(HttpStatusCode.Created)).Str("quote"));
    }
}
