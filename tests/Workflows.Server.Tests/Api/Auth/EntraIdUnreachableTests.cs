using System.Net;
using System.Net.Http.Headers;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;

namespace FocWorkflows.Server.Tests.Api.Auth;

/// <summary>Entra ID down (nothing listens at the authority): pages and the API say so, never a 500.</summary>
public sealed class EntraIdUnreachableTests : IDisposable
{
    private readonly TestApp _app = new(settings: new Dictionary<string, string?>
    {
        ["Authentication:Mode"] = "EntraId", ["Authentication:EntraId:TenantId"] = "t", ["Authentication:EntraId:ClientId"] = "c",
        ["Authentication:EntraId:ClientSecret"] = "s", ["Authentication:EntraId:Authority"] = "http://localhost:1/t/v2.0",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Page_WithoutSession_ReturnsToTheSignInPageSayingMicrosoftCannotBeReached()
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/inbox");
        var page = await browser.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?unreachable=true", response.Headers.Location!.OriginalString);
        Assert.Contains("Microsoft sign-in cannot be reached at the moment", page);
    }

    [Fact]
    public async Task Api_BearerToken_Is401ProblemSayingEntraIdCannotBeReached()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

        var response = await client.GetAsync("/api/activities");

        var problem = await response.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(ProblemTypeBase + "unauthenticated", problem.Str("type"));
        Assert.Contains("Entra ID cannot be reached", problem.Str("detail"));
    }
}
