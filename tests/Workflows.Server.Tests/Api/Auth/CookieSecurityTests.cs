using System.Net;
using FocWorkflows.Server.Tests.Designer;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FocWorkflows.Server.Tests.Api.Auth;

/// <summary>
/// The flags of the cookies a person's browser gets: the session and antiforgery cookies are HttpOnly and SameSite
/// (Lax, Strict), and Secure always outside the Development environment, over https in Development; the OpenID
/// Connect correlation and nonce cookies are SameSite=None and Secure, to survive Entra ID's cross-site form_post.
/// </summary>
public sealed class CookieSecurityTests
{
    /// <summary>An app without TestApp's plain-http allowance: the default policy of <paramref name="environment"/>.</summary>
    private static TestApp AppIn(string environment) => new(settings: new Dictionary<string, string?>
    {
        [WebHostDefaults.EnvironmentKey] = environment,
        ["Authentication:AllowDevelopmentSignIn"] = "true",
        ["Authentication:CookieSecurePolicy"] = null,
    });

    private static HttpClient Browser(TestApp app, string scheme) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(scheme + "://localhost"), AllowAutoRedirect = false, HandleCookies = false,
    });

    /// <summary>Signs in through the person picker; the Set-Cookie headers of the picker page and of the sign-in, by cookie name.</summary>
    private static async Task<Dictionary<string, string>> SignInCookiesAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/signin");
        var cookies = SetCookies(page);
        var antiforgery = cookies.Single(c => c.Key.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = People.Chair, ["returnUrl"] = "/", ["__RequestVerificationToken"] = PageForms.Token(await page.Content.ReadAsStringAsync()),
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery.Value.Split(';')[0]);
        var response = await browser.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Dictionary<string, string>(cookies.Concat(SetCookies(response)));
    }

    private static Dictionary<string, string> SetCookies(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []).ToDictionary(c => c[..c.IndexOf('=')]);

    private static string Antiforgery(Dictionary<string, string> cookies) =>
        Attributes(cookies.Single(c => c.Key.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Value);

    /// <summary>A Set-Cookie header without its value, in lower case: "; path=/; secure; samesite=lax; httponly".</summary>
    private static string Attributes(string setCookie) => setCookie[setCookie.IndexOf(';')..].ToLowerInvariant();

    [Fact]
    public async Task SignIn_OutsideDevelopment_SessionAndAntiforgeryCookiesAreSecureHttpOnlyAndSameSite()
    {
        using var app = AppIn("Production");

        var cookies = await SignInCookiesAsync(Browser(app, "https"));

        var session = Attributes(cookies["foc.session"]);
        Assert.Contains("; secure", session);
        Assert.Contains("; httponly", session);
        Assert.Contains("; samesite=lax", session);
        var antiforgery = Antiforgery(cookies);
        Assert.Contains("; secure", antiforgery);
        Assert.Contains("; httponly", antiforgery);
        Assert.Contains("; samesite=strict", antiforgery);
    }

    [Fact]
    public async Task RenewedSession_OutsideDevelopment_IsSecureEvenOverPlainHttp()
    {
        using var app = AppIn("Production");
        var session = (await SignInCookiesAsync(Browser(app, "https")))["foc.session"].Split(';')[0];
        app.Clock.Advance(TimeSpan.FromMinutes(6)); // past SessionRefresh.Interval: the next request renews the cookie

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/activities");
        request.Headers.Add("Cookie", session);
        var response = await Browser(app, "http").SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("; secure", Attributes(SetCookies(response)["foc.session"]));
    }

    [Fact]
    public async Task SignIn_InDevelopmentOverHttp_CookiesAreHttpOnlyAndSameSite_ButNotSecure()
    {
        using var app = AppIn("Development");

        var cookies = await SignInCookiesAsync(Browser(app, "http"));

        var session = Attributes(cookies["foc.session"]);
        Assert.DoesNotContain("secure", session);
        Assert.Contains("; httponly", session);
        Assert.Contains("; samesite=lax", session);
        Assert.DoesNotContain("secure", Antiforgery(cookies));
        Assert.Contains("; samesite=strict", Antiforgery(cookies));
    }

    [Fact]
    public async Task SignIn_InDevelopmentOverHttps_CookiesAreSecure()
    {
        using var app = AppIn("Development");

        var cookies = await SignInCookiesAsync(Browser(app, "https"));

        Assert.Contains("; secure", Attributes(cookies["foc.session"]));
        Assert.Contains("; secure", Antiforgery(cookies));
    }

    [Fact]
    public async Task EntraIdChallenge_CorrelationAndNonceCookies_AreSameSiteNoneSecureHttpOnly()
    {
        using var entra = new EntraIdFake();

        var challenge = await entra.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        }).GetAsync("/outbox");

        var cookies = SetCookies(challenge);
        var correlation = Attributes(cookies.Single(c => c.Key.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal)).Value);
        var nonce = Attributes(cookies.Single(c => c.Key.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal)).Value);
        Assert.All([correlation, nonce], cookie =>
        {
            Assert.Contains("; samesite=none", cookie);
            Assert.Contains("; secure", cookie);
            Assert.Contains("; httponly", cookie);
        });
    }
}
