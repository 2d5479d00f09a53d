using System.Security.Claims;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

public sealed class AdvisorLinksTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly DateTimeOffset _closesAt = TestApp.Epoch.AddDays(3);

    public void Dispose() => _app.Dispose();

    private AdvisorLinks Links => _app.Services.GetRequiredService<AdvisorLinks>();

    [Fact]
    public void Validate_FreshToken_GrantsThatAdvisorThatConsultation()
    {
        var token = Links.CreateToken("Advisor.Access@foc.example", "c-1", _closesAt);

        var grant = Links.Validate(token, out _);

        Assert.NotNull(grant);
        Assert.Equal("advisor.access@foc.example", grant.Email);
        Assert.Equal("c-1", grant.ConsultationId);
        Assert.Equal(_closesAt.AddDays(7), grant.ExpiresAt);
    }

    [Fact]
    public void Validate_AfterCloseAndGrace_IsExpired_ByTheServersClock()
    {
        var token = Links.CreateToken(People.Advisor, "c-1", _closesAt);
        _app.Clock.Advance(TimeSpan.FromDays(3 + 7) - TimeSpan.FromSeconds(1));
        Assert.NotNull(Links.Validate(token, out _));

        _app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(Links.Validate(token, out var problem));
        Assert.Contains("expired", problem);
    }

    [Fact]
    public void Validate_TamperedToken_IsRefused()
    {
        var token = Links.CreateToken(People.Advisor, "c-1", _closesAt);
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        Assert.Null(Links.Validate(tampered, out var problem));
        Assert.Contains("not valid", problem);
    }

    [Fact]
    public async Task Handler_ValidHeaderToken_SignsInWithTheConsultationClaim_AndExpiredTokenFails()
    {
        var token = Links.CreateToken(People.Advisor, "c-1", _closesAt);

        var ok = await AuthenticateAsync(http => http.Request.Headers["X-Advisor-Token"] = token);
        var viaQuery = await AuthenticateAsync(http => http.Request.QueryString = new QueryString("?token=" + Uri.EscapeDataString(token)));
        _app.Clock.Advance(TimeSpan.FromDays(11));
        var expired = await AuthenticateAsync(http => http.Request.Headers["X-Advisor-Token"] = token);

        Assert.True(ok.Succeeded);
        Assert.Equal("c-1", ok.Principal!.FindFirstValue(AdvisorLinkClaims.Consultation));
        Assert.Equal(People.Advisor, ok.Principal.FindFirstValue(ClaimTypes.Email));
        Assert.True(ok.Principal.MayUseConsultation("c-1"));
        Assert.False(ok.Principal.MayUseConsultation("c-2"));
        Assert.True(viaQuery.Succeeded);
        Assert.False(expired.Succeeded);
        Assert.Contains("expired", expired.Failure!.Message);
    }

    private async Task<AuthenticateResult> AuthenticateAsync(Action<HttpContext> request)
    {
        using var scope = _app.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        request(http);
        return await http.AuthenticateAsync(AdvisorLinkAuthenticationHandler.SchemeName);
    }
}
