using System.Net;
using System.Text.RegularExpressions;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>A browser without JavaScript: signs in, and posts a page's forms with its antiforgery token and handler.</summary>
internal static class PageForms
{
    /// <summary>A browser on the app: it keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Browser(this TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in as this person of the directory.</summary>
    public static async Task<HttpClient> SignedInAsync(this TestApp app, string email)
    {
        var browser = app.Browser();
        await SignInAsync(browser, email);
        return browser;
    }

    public static async Task SignInAsync(HttpClient browser, string email)
    {
        var page = await browser.GetStringAsync("/signin");
        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["returnUrl"] = "/", ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static string Token(string page) => Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    public static string Handler(string page, string endsWith) =>
        Regex.Matches(page, "name=\"_handler\" value=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(h => h.EndsWith(endsWith, StringComparison.Ordinal));

    /// <summary>GETs a page, then posts one of its forms the way a browser without JavaScript does.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string url, string handler, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(url);
        return await PostAsync(browser, url, page, handler, fields);
    }

    /// <summary>Posts a form of a page loaded earlier: what a person does who filled it in while the situation changed.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(page);
        fields["_handler"] = Handler(page, handler);
        return browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
