using System.Net;
using System.Security.Cryptography;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api.Auth;

/// <summary>The API in Entra ID mode: bearer tokens from a local fake Entra ID, mapped to the directory's people.</summary>
public sealed class EntraIdBearerTests : IDisposable
{
    private readonly EntraIdFake _entra = new();

    public void Dispose() => _entra.Dispose();

    private Task PublishReviewAsync() => _entra.App.PublishAsync(Define("review").Input("title", required: true).Start()
        .Node("review", ControlActivityTypes.HumanTask, new { title = "Review", assignees = new[] { "role:secretariat" }, actions = new[] { "Done" } })
        .End().Chain("start", "review").Connect("review", "end", "Done").Build());

    private static object ReviewRequest => new { definitionId = "review", input = new { title = "Charter" } };

    private static async Task<string> ExpectUnauthorizedAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProblemTypeBase + "unauthenticated", problem.Str("type"));
        return problem.Str("detail");
    }

    [Fact]
    public async Task Launch_WithAChairsToken_StartsTheInstanceAsTheDirectoryPerson()
    {
        await PublishReviewAsync();

        var response = await _entra.ClientWithToken(_entra.Token(People.Chair)).PostAsync("/api/instances", JsonBody(ReviewRequest));

        var body = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(People.Chair, body.Str("startedBy"));
    }

    [Fact]
    public async Task Launch_WithAMembersToken_Is403Problem_AndStartsNothing()
    {
        await PublishReviewAsync();

        var response = await _entra.ClientWithToken(_entra.Token(People.MemberCanada)).PostAsync("/api/instances", JsonBody(ReviewRequest));

        var problem = await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ProblemTypeBase + "forbidden", problem.Str("type"));
        Assert.Equal(0, await _entra.App.QueryAsync(db => db.Instances.CountAsync()));
    }

    [Fact]
    public async Task EditDefinition_MemberWhoseTokenClaimsTheSecretariatRole_Is403_RolesComeFromTheDirectory()
    {
        var token = _entra.Token(People.MemberCanada, roles: ["secretariat"]);

        var response = await _entra.ClientWithToken(token).PutAsync("/api/definitions/review", JsonBody(Define("review").Start().End().Chain("start", "end").Build()));

        await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await _entra.App.QueryAsync(db => db.Definitions.CountAsync()));
    }

    [Fact]
    public async Task Launch_EmailClaimInAnotherCase_MatchesTheDirectoryPerson()
    {
        await PublishReviewAsync();
        var token = _entra.Token("Secretariat@FOC.example", emailClaim: "email");

        var response = await _entra.ClientWithToken(token).PostAsync("/api/instances", JsonBody(ReviewRequest));

        Assert.Equal(People.Secretariat, (await response.ExpectAsync(HttpStatusCode.Created)).Str("startedBy"));
    }

    [Fact]
    public async Task Api_TokenOfAnAccountNotInTheDirectory_Is401ProblemSayingSo()
    {
        var response = await _entra.ClientWithToken(_entra.Token("stranger@elsewhere.example")).GetAsync("/api/activities");

        var detail = await ExpectUnauthorizedAsync(response);
        Assert.Equal("Your account stranger@elsewhere.example is not in the coalition's directory; ask the secretariat.", detail);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "audience", "another audience" },
        { "issuer", "another authority" },
        { "expired", "expired" },
        { "signature", "signature" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Api_InvalidToken_Is401ProblemNamingWhy(string flaw, string expectedInDetail)
    {
        using var otherKey = RSA.Create(2048);
        var token = flaw switch
        {
            "audience" => _entra.Token(People.Chair, audience: "api://someone-else"),
            "issuer" => _entra.Token(People.Chair, issuer: $"http://localhost:{_entra.Server.Port}/another-tenant/v2.0"),
            "expired" => _entra.Token(People.Chair, expiresIn: TimeSpan.FromHours(-1)),
            _ => _entra.Token(People.Chair, signedWith: otherKey),
        };

        var response = await _entra.ClientWithToken(token).GetAsync("/api/activities");

        Assert.Contains(expectedInDetail, await ExpectUnauthorizedAsync(response));
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Api_TokenGrantingNoScopeOrRole_Is401ProblemSayingSo()
    {
        var response = await _entra.ClientWithToken(_entra.Token(People.Chair, scope: null)).GetAsync("/api/activities");

        Assert.Contains("grants no scope or role of this API", await ExpectUnauthorizedAsync(response));
    }

    [Fact]
    public async Task Api_DevelopmentHeader_IsIgnored_401()
    {
        var response = await _entra.App.ClientAs(People.Secretariat).GetAsync("/api/activities");

        Assert.Contains("Authorization: Bearer", await ExpectUnauthorizedAsync(response));
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }
}
