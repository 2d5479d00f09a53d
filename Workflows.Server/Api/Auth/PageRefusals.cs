using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// A signed-in person whose roles do not open a page gets a page that says so, with 403, instead of the cookie's
/// redirect to sign in: that would ask who they are, when the question is what they may do. Everything else (the
/// API's 401/403 problems, the redirect of someone not signed in) is the framework's default.
/// </summary>
internal sealed class PageRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true || context.Request.Path.StartsWithSegments("/api"))
            return _default.HandleAsync(next, context, policy, authorizeResult);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        var name = WebUtility.HtmlEncode(context.User.FindFirstValue(ClaimTypes.Name) ?? context.User.FindFirstValue(ClaimTypes.Email) ?? "");
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Not allowed · FocWorkflows</title><link rel="stylesheet" href="/_content/Workflows.Designer/designer.css" /></head>
            <body><main>
            <h1>Not allowed</h1>
            <p>You are signed in as {name}, whose roles do not open this page. If you think they should, ask the secretariat.</p>
            <p><a href="/">Your tasks</a> · <a href="/signin">Sign in as someone else</a></p>
            </main></body>
            </html>
            """, context.RequestAborted);
    }
}
