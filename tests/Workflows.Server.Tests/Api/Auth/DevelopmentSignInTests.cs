using System.Net;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FocWorkflows.Server.Tests.Api.Auth;

/// <summary>
/// Development sign-in (X-Dev-User, the person picker) lets anyone be anyone: outside the Development environment
/// the server refuses to start with it unless Authentication:AllowDevelopmentSignIn says it is meant, and then says
/// so at every start and on every page.
/// </summary>
public sealed class DevelopmentSignInTests
{
    private const string Banner = "class=\"development-sign-in-banner\"";

    /// <summary>
    /// An app in <paramref name="environment"/>, with development sign-in allowed or not (false is also what a server
    /// that never set the key has; TestApp itself allows it, a test server not being a developer's machine).
    /// </summary>
    private static TestApp AppIn(string environment, bool allow, Dictionary<string, string?>? more = null) =>
        new(settings: new Dictionary<string, string?>(more ?? [])
        {
            [WebHostDefaults.EnvironmentKey] = environment,
            ["Authentication:AllowDevelopmentSignIn"] = allow ? "true" : "false",
        });

    [Fact]
    public void Start_ProductionWithoutAllowDevelopmentSignIn_FailsNamingTheKey()
    {
        var failures = StartupFailure.ValidationFailuresOf(() => AppIn("Production", allow: false));

        var failure = Assert.Single(failures);
        Assert.StartsWith("Authentication:AllowDevelopmentSignIn must be true for development sign-in", failure);
        Assert.Contains("'Production'", failure);
        Assert.Contains("Authentication:Mode=EntraId", failure);
    }

    [Fact]
    public async Task Start_ProductionWithAllowDevelopmentSignIn_WarnsAtStart_AndEveryPageShowsTheBanner()
    {
        var log = new FakeLoggerProvider();
        using var app = AppIn("Production", allow: true);
        using var withLog = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var browser = withLog.CreateClient();

        var home = await browser.GetStringAsync("/");
        var signIn = await browser.GetStringAsync("/signin");
        var advisorLink = await (await browser.GetAsync("/consultations/no-such-consultation?t=no-such-token")).Content.ReadAsStringAsync();
        var api = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/activities") { Headers = { { "X-Dev-User", People.Secretariat } } });

        var warning = Assert.Single(log.Collector.GetSnapshot(), e => e.Message.StartsWith("DEVELOPMENT SIGN-IN IS ON OUTSIDE THE DEVELOPMENT ENVIRONMENT (Production)", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Authentication:AllowDevelopmentSignIn", warning.Message);
        Assert.All([home, signIn, advisorLink], page => Assert.Contains(Banner, page));
        Assert.Contains("Development sign-in is on.", home);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode); // allowed on purpose: it works, loudly
    }

    [Fact]
    public async Task Start_Development_WorksAsToday_WithoutTheFlag_AndWithoutTheBanner()
    {
        var log = new FakeLoggerProvider();
        using var app = AppIn("Development", allow: false);
        using var withLog = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var browser = withLog.CreateClient();

        var home = await browser.GetStringAsync("/");
        var signIn = await browser.GetStringAsync("/signin");
        var api = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/activities") { Headers = { { "X-Dev-User", People.Secretariat } } });

        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Contains("Sam Okafor", signIn); // the person picker
        Assert.DoesNotContain(Banner, home);
        Assert.DoesNotContain(Banner, signIn);
        Assert.Contains(log.Collector.GetSnapshot(), e => e.Message.StartsWith("Development authentication is on", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Collector.GetSnapshot(), e => e.Message.StartsWith("DEVELOPMENT SIGN-IN IS ON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ProductionInEntraIdMode_NeedsNoFlag_AndShowsNoBanner()
    {
        using var app = AppIn("Production", allow: false, more: new()
        {
            ["Authentication:Mode"] = "EntraId", ["Authentication:EntraId:TenantId"] = "t", ["Authentication:EntraId:ClientId"] = "c",
            ["Authentication:EntraId:ClientSecret"] = "s", ["Authentication:EntraId:Authority"] = "http://localhost:1/t/v2.0",
        });

        var signIn = await app.CreateClient().GetStringAsync("/signin");

        Assert.Contains("Sign in with Microsoft", signIn);
        Assert.DoesNotContain(Banner, signIn);
    }
}
