using System.Globalization;
using System.Net;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;

namespace FocWorkflows.Server.Tests.Api.Guards;

/// <summary>Writes per person, link requests per link, both per address: over the limit is 429 ProblemDetails with Retry-After.</summary>
public sealed class RateLimitsTests
{
    private static TestApp App(int perPerson = 1000, int perLink = 1000, int perAddress = 1000) => new(settings: new Dictionary<string, string?>
    {
        ["RateLimits:WritesPerPerson"] = perPerson.ToString(CultureInfo.InvariantCulture), ["RateLimits:RequestsPerLink"] = perLink.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:RequestsPerAddress"] = perAddress.ToString(CultureInfo.InvariantCulture), ["RateLimits:Window"] = "00:10:00",
    });

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        await response.ProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, CultureInfo.InvariantCulture), 1, 600);
    }

    private static async Task<string> TokenAsync(TestApp app, string email, string consultationId) =>
        app.Services.GetRequiredService<AdvisorLinks>().CreateToken(email, consultationId, (await app.ConsultationAsync(consultationId)).ClosesAt);

    [Fact]
    public async Task Comment_OneMoreThanAPersonsWrites_Is429WithRetryAfterAndNotStored()
    {
        using var app = App(perPerson: 3);
        var (_, consultationId) = await OpenAsync(app);
        for (var i = 1; i <= 3; i++) (await app.CommentAsync(AdvisorUni, consultationId, $"Comment {i}")).EnsureSuccessStatusCode();

        var refused = await app.CommentAsync(AdvisorUni, consultationId, "One too many");

        await AssertRateLimitedAsync(refused);
        Assert.Equal(3, (await app.CommentsAsync(consultationId)).Count);
    }

    [Fact]
    public async Task Comment_AnotherPersonAfterOneWasLimited_IsStored()
    {
        using var app = App(perPerson: 2);
        var (_, consultationId) = await OpenAsync(app);
        for (var i = 0; i < 3; i++) await app.CommentAsync(AdvisorUni, consultationId, $"Uni {i}");

        var other = await app.CommentAsync(AdvisorTech, consultationId, "From industry");

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task Get_SignedInReadsBeyondTheWriteLimit_AreNotLimited()
    {
        using var app = App(perPerson: 1, perAddress: 1);
        var client = app.ClientAs(People.Chair);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) answers.Add((await client.GetAsync("/api/definitions")).StatusCode);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Get_OneMoreThanALinksRequests_Is429WithRetryAfter()
    {
        using var app = App(perLink: 2);
        var (_, consultationId) = await OpenAsync(app);
        var token = await TokenAsync(app, AdvisorUni, consultationId);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AdvisorLinkAuthenticationHandler.Header, token);
        for (var i = 0; i < 2; i++) (await client.GetAsync($"/api/consultations/{consultationId}")).EnsureSuccessStatusCode();

        var refused = await client.GetAsync($"/api/consultations/{consultationId}");

        await AssertRateLimitedAsync(refused);
    }

    [Fact]
    public async Task Get_TamperedTokensFromOneAddress_AreLimitedByTheAddress()
    {
        using var app = App(perAddress: 3);
        var (_, consultationId) = await OpenAsync(app);
        var token = await TokenAsync(app, AdvisorUni, consultationId);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await app.CreateClient().GetAsync($"/api/consultations/{consultationId}?token={Uri.EscapeDataString(token[..^4] + i + "abc")}"));

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        await AssertRateLimitedAsync(answers[3]);
    }

    [Fact]
    public async Task Post_AnonymousWritesFromOneAddress_AreLimitedByTheAddress()
    {
        using var app = App(perAddress: 2);
        var client = app.CreateClient();
        for (var i = 0; i < 2; i++) await client.PostAsync("/api/instances", JsonBody("""{ "definitionId": "hello" }"""));

        var refused = await client.PostAsync("/api/instances", JsonBody("""{ "definitionId": "hello" }"""));

        await AssertRateLimitedAsync(refused);
    }

    [Fact]
    public void Defaults_LetTheTestSuitesConcurrentBurstsThrough()
    {
        using var app = new TestApp();

        var limits = app.Services.GetRequiredService<IOptions<FocWorkflows.Server.Api.Guards.RateLimitOptions>>().Value;

        // 200 comments at once from four advisors on one address; 42 governments responding at once.
        Assert.True(limits.WritesPerPerson >= 60 && limits.RequestsPerAddress >= 250, $"{limits.WritesPerPerson} per person, {limits.RequestsPerAddress} per address");
        Assert.Equal(TimeSpan.FromMinutes(1), limits.Window);
    }

    [Theory]
    [InlineData("RateLimits:WritesPerPerson", "0", "RateLimits:WritesPerPerson must be above zero.")]
    [InlineData("RateLimits:RequestsPerLink", "-1", "RateLimits:RequestsPerLink must be above zero.")]
    [InlineData("RateLimits:RequestsPerAddress", "0", "RateLimits:RequestsPerAddress must be above zero.")]
    [InlineData("RateLimits:Window", "00:00:00", "RateLimits:Window must be between 00:00:01 and 01:00:00.")]
    public void Start_BadLimit_FailsNamingTheKey(string key, string value, string message)
    {
        var failures = StartupFailure.ValidationFailuresOf(() => new TestApp(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Equal(message, Assert.Single(failures));
    }
}
