using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The Designer's development sign-in and the secretariat's outbox page, over real HTTP with cookies.</summary>
public sealed class SessionPagesTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SignInPage_ListsThePeopleOfTheDirectoryByRole()
    {
        var page = await _app.Browser().GetStringAsync("/signin");

        Assert.Contains("Support Unit", page);
        Assert.Contains("Advisory Network", page);
        Assert.Contains("Sam Okafor", page);
        Assert.Equal(33, Regex.Count(page, "class=\"person\""));
    }

    [Fact]
    public async Task Outbox_WithoutSession_RedirectsToSignIn()
    {
        var response = await _app.Browser().GetAsync("/outbox");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Outbox_ForTheSecretariat_ShowsHeldMessagesWithRecipientAndSubject()
    {
        await _app.PublishAsync(Flow.Define("tell").Start()
            .Node("tell", "deliberation.notify", new { audience = "list", people = new[] { People.MemberCanada }, subject = "Adopted", body = "The text was adopted." })
            .Chain("start", "tell").Build());
        await _app.StartAsync("tell");
        var browser = _app.Browser();

        await SignInAsync(browser, People.Secretariat);
        var page = await browser.GetStringAsync("/outbox");

        Assert.Contains("<h1>Outbox</h1>", page);
        Assert.Contains(People.MemberCanada, page);
        Assert.Contains("Adopted", page);
        Assert.Contains("Sam Okafor", page); // who is signed in
    }

    [Fact]
    public async Task Outbox_ForAMember_IsRefused()
    {
        var browser = _app.Browser();
        await SignInAsync(browser, People.MemberCanada);

        var response = await browser.GetAsync("/outbox");

        // Signed in but without the role: a page that says so (and whom they are signed in as), not a sign-in form.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Not allowed", page);
        Assert.Contains("Emily Chen", page);
    }

    [Fact]
    public async Task Session_AlsoSignsTheBrowserIntoTheApi_AndAnApiCallWithoutItIsA401Problem()
    {
        var browser = _app.Browser();
        var anonymous = await browser.GetAsync("/api/activities");
        await SignInAsync(browser, People.Chair);

        var signedIn = await browser.GetAsync("/api/activities");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.NotEmpty((JsonNode.Parse(await signedIn.Content.ReadAsStringAsync()) as JsonArray)!);
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlElsewhere_StaysOnThisSite()
    {
        var browser = _app.Browser();
        var page = await browser.GetStringAsync("/signin");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = People.Chair, ["returnUrl"] = "https://evil.example/", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
