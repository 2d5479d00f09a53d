using System.Net;
using System.Net.Http.Json;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

/// <summary>An advisor without an account reaches the consultation endpoints with the token of their link.</summary>
public sealed class AdvisorLinkApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<string> TokenAsync(string email, string consultationId) =>
        _app.Services.GetRequiredService<AdvisorLinks>()
            .CreateToken(email, consultationId, (await _app.ConsultationAsync(consultationId)).ClosesAt);

    /// <summary>A client with no account: only the link's token.</summary>
    private HttpClient LinkClient(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add(AdvisorLinkAuthenticationHandler.Header, token);
        return client;
    }

    [Fact]
    public async Task Get_TokenInTheQuery_AnswersItsConsultationWithoutTheMissingList()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var token = await TokenAsync(AdvisorUni, consultationId);

        var response = await _app.CreateClient().GetAsync($"/api/consultations/{consultationId}?token={Uri.EscapeDataString(token)}");

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(consultationId, body.Str("id"));
        Assert.True(body["acceptingComments"]!.GetValue<bool>());
        Assert.Null(body["notYetCommented"]);
    }

    [Fact]
    public async Task AddComment_HeaderToken_IsAttributedToTheAdvisorAndListed()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var client = LinkClient(await TokenAsync(AdvisorUni, consultationId));

        var created = await client.PostAsJsonAsync($"/api/consultations/{consultationId}/comments",
            new { paragraph = 2, quote = "high-risk", text = "Define 'high-risk'." });
        var listed = await client.GetAsync($"/api/consultations/{consultationId}/comments");

        var comment = await created.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(AdvisorUni, comment.Str("author"));
        Assert.Equal(AdvisorUni, comment.Str("commenter"));
        var stored = Assert.Single(await _app.CommentsAsync(consultationId));
        Assert.Equal((AdvisorUni, (string?)null, 2, "high-risk"), (stored.Author, stored.OnBehalfOf, stored.Paragraph, stored.Quote));
        Assert.Equal(stored.Id, Assert.Single(await listed.ArrayAsync())!.Str("id"));
    }

    [Fact]
    public async Task Comments_ThroughALink_ListOnlyTheAdvisorsOwn_WhileTheChairSeesAll()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var uni = LinkClient(await TokenAsync(AdvisorUni, consultationId));
        var tech = LinkClient(await TokenAsync(AdvisorTech, consultationId));
        (await uni.PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 1, text = "From the university." })).EnsureSuccessStatusCode();
        (await tech.PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 2, text = "From industry." })).EnsureSuccessStatusCode();

        var seenByUni = await (await uni.GetAsync($"/api/consultations/{consultationId}/comments")).ArrayAsync();
        var seenByAdvisorAccount = await (await _app.ClientAs(AdvisorTech).GetAsync($"/api/consultations/{consultationId}/comments")).ArrayAsync();
        var seenByChair = await (await _app.ClientAs(People.Chair).GetAsync($"/api/consultations/{consultationId}/comments")).ArrayAsync();

        Assert.Equal("From the university.", Assert.Single(seenByUni)!.Str("text"));
        Assert.Equal("From industry.", Assert.Single(seenByAdvisorAccount)!.Str("text"));
        Assert.Equal(2, seenByChair.Count);
    }

    [Fact]
    public async Task Endpoints_TokenOfAnotherConsultation_Answer403AndWriteNothing()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var (_, other) = await OpenAsync(_app);
        var client = LinkClient(await TokenAsync(AdvisorUni, other));

        var get = await client.GetAsync($"/api/consultations/{consultationId}");
        var list = await client.GetAsync($"/api/consultations/{consultationId}/comments");
        var post = await client.PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 1, text = "Wrong window." });

        foreach (var response in new[] { get, list, post })
            Assert.Contains("another consultation", (await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden")).Str("detail"));
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task AddComment_AdvisorOutsideTheAudience_Is403AndWritesNothing()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var client = LinkClient(await TokenAsync(Outsider, consultationId));

        var post = await client.PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 1, text = "Let me in." });

        await post.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task AddComment_TokenCallerActingOnBehalfOfSomeone_Is403()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var client = LinkClient(await TokenAsync(AdvisorUni, consultationId));

        var post = await client.PostAsJsonAsync($"/api/consultations/{consultationId}/comments",
            new { paragraph = 1, text = "For a colleague.", onBehalfOf = AdvisorTech });

        await post.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Theory]
    [InlineData("GET", "/api/definitions")]
    [InlineData("GET", "/api/tasks")]
    [InlineData("GET", "/api/people")]
    [InlineData("POST", "/api/consultations/{id}/close")]
    [InlineData("POST", "/api/consultations/{id}/extend")]
    public async Task OtherEndpoints_TokenOnly_Answer401(string method, string path)
    {
        var (_, consultationId) = await OpenAsync(_app);
        var client = LinkClient(await TokenAsync(AdvisorUni, consultationId));

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", consultationId))
        {
            Content = method == "POST" ? JsonContent.Create(new { reason = "Enough.", by = "P1D" }) : null,
        });

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(ConsultationStatus.Open, (await _app.ConsultationAsync(consultationId)).Status);
    }

    [Fact]
    public async Task Endpoints_ExpiredToken_Answer401WithTheReasonAndWriteNothing()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var client = LinkClient(await TokenAsync(AdvisorUni, consultationId));
        _app.Clock.Advance(TimeSpan.FromDays(14 + 7));

        var get = await client.GetAsync($"/api/consultations/{consultationId}");
        var post = await client.PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 1, text = "Late." });

        foreach (var response in new[] { get, post })
            Assert.Contains("expired", (await response.ProblemAsync(HttpStatusCode.Unauthorized, "advisor-link")).Str("detail"));
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Get_TamperedToken_Answers401NotValid()
    {
        var (_, consultationId) = await OpenAsync(_app);
        var token = await TokenAsync(AdvisorUni, consultationId);
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        var response = await _app.CreateClient().GetAsync($"/api/consultations/{consultationId}?token={Uri.EscapeDataString(tampered)}");

        Assert.Contains("not valid", (await response.ProblemAsync(HttpStatusCode.Unauthorized, "advisor-link")).Str("detail"));
    }

    [Fact]
    public async Task Get_DevelopmentAccountWithoutToken_StillWorks()
    {
        var (_, consultationId) = await OpenAsync(_app);

        var response = await _app.ClientAs(People.Chair).GetAsync($"/api/consultations/{consultationId}");

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(4, body["notYetCommented"]!.AsArray().Count);
    }
}
