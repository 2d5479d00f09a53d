using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// How callers are recognised. API clients send the development header; people in the Designer carry
/// a session cookie from the sign-in page; advisors carry their link's token. One policy scheme picks
/// the right one per request, so every endpoint and page simply requires an authenticated caller.
/// </summary>
public static class SessionAuthentication
{
    public const string DefaultScheme = "Foc";
    public const string CookieScheme = "FocSession";

    /// <summary>Adds the session cookie and the scheme that picks header, token or cookie.</summary>
    public static AuthenticationBuilder AddFocSchemes(this AuthenticationBuilder builder, Func<HttpContext, string?> tokenScheme) => builder
        .AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "foc.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/signin";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The API answers 401/403 problems; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        })
        .AddPolicyScheme(DefaultScheme, "Header, advisor link or session", o => o.ForwardDefaultSelector = http =>
            http.Request.Headers.ContainsKey(DevelopmentAuthenticationHandler.Header) ? DevelopmentAuthenticationHandler.SchemeName
            : tokenScheme(http) ?? CookieScheme);

    /// <summary>The development sign-in form's target, and sign-out.</summary>
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", async ([FromForm] string email, [FromForm] string? returnUrl, IDirectory directory, HttpContext http) =>
        {
            var person = await directory.FindPersonAsync(email, http.RequestAborted);
            if (person is null) return Results.Redirect("/signin");
            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, person.Id), new(ClaimTypes.Name, person.Name), new(ClaimTypes.Email, person.Email),
            };
            claims.AddRange(person.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
            await http.SignInAsync(CookieScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, CookieScheme)));
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();

        app.MapPost("/account/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieScheme);
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = status,
            Title = status == 401 ? "Not signed in" : "Not allowed",
            Type = "https://focworkflows.dev/problems/" + (status == 401 ? "unauthenticated" : "forbidden"),
            Detail = status == 401
                ? $"Send the {DevelopmentAuthenticationHandler.Header} header with the e-mail of a person in the directory, or sign in."
                : "Your roles do not allow this action.",
        }, options: null, contentType: "application/problem+json");
    }
}
