using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// How callers are recognised. API clients send the development header (development) or an Entra ID
/// bearer token (production); people in the Designer carry a session cookie; advisors carry their link's
/// token. One policy scheme picks the right one per request, so every endpoint and page simply requires
/// an authenticated caller.
/// </summary>
public static class SessionAuthentication
{
    public const string DefaultScheme = "Foc";
    public const string CookieScheme = "FocSession";

    /// <summary>
    /// Adds the session cookie (its flags: <see cref="CookieSecurity"/>) and the scheme that picks header or bearer token,
    /// else the cookie; and the guard that keeps development sign-in off servers not meant for it.
    /// </summary>
    public static AuthenticationBuilder AddFocSchemes(this AuthenticationBuilder builder, AuthenticationModeOptions mode)
    {
        builder.Services.AddSingleton<IValidateOptions<AuthenticationModeOptions>, DevelopmentSignInGuard>();
        builder.Services.AddCookieSecurity();
        return builder.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "foc.session";
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/signin";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The API answers 401/403 problems; only pages redirect to sign in.
            o.Events.OnRedirectToLogin = context => mode.IsEntraId && !IsApi(context.Request)
                // Straight to Microsoft and back to the page asked for; /signin remains for refusals and sign-out.
                ? EntraIdAuthentication.ChallengeAsync(context.HttpContext,
                    context.Properties.RedirectUri ?? context.Request.PathBase + context.Request.Path + context.Request.QueryString)
                : ApiOrRedirect(context, StatusCodes.Status401Unauthorized, mode);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden, mode);
            o.Events.OnValidatePrincipal = SessionRefresh.ValidateAsync;
        })
        .AddPolicyScheme(DefaultScheme, "Header or bearer token, else session", o => o.ForwardDefaultSelector = mode.IsEntraId
            ? http => EntraIdAuthentication.HasBearerToken(http.Request) ? EntraIdAuthentication.BearerScheme : CookieScheme
            // Development only: in Entra ID mode the header is never looked at (and has no handler).
            : http => http.Request.Headers.ContainsKey(DevelopmentAuthenticationHandler.Header) ? DevelopmentAuthenticationHandler.SchemeName : CookieScheme);
    }

    /// <summary>The sign-in form's target (development) or the challenge (Entra ID), and sign-out.</summary>
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app, AuthenticationModeOptions mode)
    {
        if (mode.IsEntraId)
        {
            app.MapPost("/account/signin", (HttpContext http) => AuthProblems.WriteAsync(http.Response, StatusCodes.Status403Forbidden,
                "Development sign-in is off on this server (Authentication:Mode is EntraId): sign in with Microsoft at /signin."))
                .ExcludeFromDescription();
            app.MapGet(EntraIdAuthentication.ChallengePath, (string? returnUrl, HttpContext http) =>
                EntraIdAuthentication.ChallengeAsync(http, IsLocal(returnUrl) ? returnUrl! : "/"))
                .ExcludeFromDescription();
        }
        else
        {
            app.MapPost("/account/signin", async ([FromForm] string email, [FromForm] string? returnUrl, IDirectory directory, HttpContext http) =>
            {
                var person = await directory.FindPersonAsync(email, http.RequestAborted);
                if (person is null) return Results.Redirect("/signin");
                await http.SignInAsync(CookieScheme, DirectoryPrincipal.For(person, CookieScheme));
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            }).ExcludeFromDescription();
        }

        app.MapPost("/account/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieScheme);
            // In Entra ID mode also end the Microsoft session, so the next person at this browser is asked who they are.
            if (mode.IsEntraId) return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [EntraIdAuthentication.OpenIdScheme]);
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status, AuthenticationModeOptions mode)
    {
        if (!IsApi(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        if (status == StatusCodes.Status403Forbidden) return AuthProblems.WriteAsync(context.Response, status, AuthProblems.ForbiddenDetail);
        if (mode.IsEntraId) context.Response.Headers.WWWAuthenticate = "Bearer";
        return AuthProblems.WriteAsync(context.Response, status, mode.IsEntraId
            ? "Send an Entra ID access token for this API as 'Authorization: Bearer <token>', or sign in."
            : $"Send the {DevelopmentAuthenticationHandler.Header} header with the e-mail of a person in the directory, or sign in.");
    }
}
