using System.Net;
using System.Text.RegularExpressions;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace FocWorkflows.Server.Tests.Api.Auth;

/// <summary>
/// The Designer in Entra ID mode, through the real OpenID Connect handler: the challenge to the fake
/// Entra ID, its form_post callback with a code the fake redeems for a signed id token, the session.
/// </summary>
public sealed class EntraIdPagesTests : IDisposable
{
    private readonly EntraIdFake _entra = new();

    public void Dispose() => _entra.Dispose();

    private Browser NewBrowser() => new(_entra.App.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
    }));

    /// <summary>Asks for a page, follows the challenge to the fake, and comes back signed in as <paramref name="email"/>.</summary>
    private async Task<HttpResponseMessage> SignInThroughEntraIdAsync(Browser browser, string email, string page = "/outbox")
    {
        var challenge = await browser.GetAsync(page);
        var authorize = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        _entra.RedeemCodesFor(_entra.Token(email, nonce: authorize["nonce"]));
        return await browser.PostAsync("/signin-oidc", new Dictionary<string, string> { ["code"] = "code-1", ["state"] = authorize["state"]! });
    }

    [Fact]
    public async Task SignInPage_OffersMicrosoftInsteadOfThePeoplePicker()
    {
        var page = await (await NewBrowser().GetAsync("/signin?ReturnUrl=%2Finbox")).Content.ReadAsStringAsync();

        Assert.Contains("Sign in with Microsoft", page);
        Assert.Contains("action=\"/account/signin/microsoft\"", page);
        Assert.Contains("name=\"returnUrl\" value=\"/inbox\"", page);
        Assert.DoesNotContain("class=\"person\"", page);
        Assert.DoesNotContain("Sam Okafor", page);
    }

    [Fact]
    public async Task Page_WithoutSession_ChallengesEntraIdWithTheClientId()
    {
        var response = await NewBrowser().GetAsync("/outbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(_entra.AuthorizeEndpoint, location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(EntraIdFake.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Contains("email", query["scope"].ToString().Split(' '));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
    }

    [Fact]
    public async Task SignInButton_ChallengesEntraId()
    {
        var response = await NewBrowser().GetAsync("/account/signin/microsoft?returnUrl=%2Finbox");

        Assert.Equal(_entra.AuthorizeEndpoint, response.Headers.Location!.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Callback_DirectoryPerson_ReturnsToThePageSignedInWithDirectoryNameAndRoles()
    {
        var browser = NewBrowser();

        var callback = await SignInThroughEntraIdAsync(browser, People.Secretariat);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/outbox", callback.Headers.Location!.OriginalString);
        var outbox = await browser.GetAsync("/outbox");
        var page = await outbox.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, outbox.StatusCode);
        Assert.Contains("<h1>Outbox</h1>", page); // the secretariat's role, from the directory
        Assert.Contains("Sam Okafor", page); // the directory's name, not the token's
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/activities")).StatusCode); // the session opens the API too
    }

    [Fact]
    public async Task Callback_Member_IsSignedIn_ButTheSecretariatsPageStaysClosed()
    {
        var browser = NewBrowser();
        await SignInThroughEntraIdAsync(browser, People.MemberCanada, page: "/inbox");

        var inbox = await browser.GetAsync("/inbox");
        var outbox = await browser.GetAsync("/outbox");

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outbox.StatusCode);
    }

    [Fact]
    public async Task Callback_AccountNotInTheDirectory_ShowsTheRefusal_AndOpensNoSession()
    {
        var browser = NewBrowser();

        var callback = await SignInThroughEntraIdAsync(browser, "stranger@elsewhere.example");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.False(browser.Has("foc.session"));
        var page = await (await browser.GetAsync(callback.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("Your account stranger@elsewhere.example is not in the coalition&#x27;s directory; ask the secretariat", page);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/activities")).StatusCode);
    }

    [Fact]
    public async Task Callback_WithAForgedState_IsAFailurePage_NotAnError()
    {
        var browser = NewBrowser();
        await browser.GetAsync("/outbox");

        var callback = await browser.PostAsync("/signin-oidc", new Dictionary<string, string> { ["code"] = "code-1", ["state"] = "forged" });

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/signin?failed=true", callback.Headers.Location!.OriginalString);
        Assert.False(browser.Has("foc.session"));
    }

    [Fact]
    public async Task DevelopmentSignInForm_IsRefused_AndSignsNoOneIn()
    {
        var browser = NewBrowser();

        var response = await browser.PostAsync("/account/signin", new Dictionary<string, string> { ["email"] = People.Secretariat, ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Development sign-in is off", await response.Content.ReadAsStringAsync());
        Assert.False(browser.Has("foc.session"));
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheMicrosoftSession()
    {
        var browser = NewBrowser();
        await SignInThroughEntraIdAsync(browser, People.Chair, page: "/inbox");
        var inbox = await (await browser.GetAsync("/inbox")).Content.ReadAsStringAsync();
        var token = Regex.Match(inbox, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var signOut = await browser.PostAsync("/account/signout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith($"http://localhost:{_entra.Server.Port}/{EntraIdFake.TenantId}/oauth2/v2.0/logout", signOut.Headers.Location!.AbsoluteUri);
        Assert.False(browser.Has("foc.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/activities")).StatusCode);
    }

    /// <summary>
    /// Cookies kept by hand: the correlation and nonce cookies carry expiry dates from the app's fake
    /// clock, which an ordinary cookie container would judge against the real one.
    /// </summary>
    private sealed class Browser(HttpClient client)
    {
        private readonly Dictionary<string, string> _cookies = [];

        public bool Has(string cookie) => _cookies.ContainsKey(cookie);

        public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        public Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> form) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) });

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0];
                var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = value;
            }
            return response;
        }
    }
}
