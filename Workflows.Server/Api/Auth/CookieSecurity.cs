using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// The flags of the cookies that carry a person's session and the forms' antiforgery token: never readable by
/// scripts, Secure outside a developer's machine (<see cref="AuthenticationModeOptions.CookieSecurePolicy"/>), and
/// kept from cross-site requests as far as sign-in allows. The session cookie is Lax, not Strict: after Entra ID's
/// form_post back to /signin-oidc the browser follows the redirect to the page asked for, a navigation Strict would
/// send without the session just opened. (The OpenID Connect correlation and nonce cookies keep the handler's own
/// SameSite=None and Secure: they must survive that cross-site POST.)
/// </summary>
internal static class CookieSecurity
{
    public static IServiceCollection AddCookieSecurity(this IServiceCollection services)
    {
        services.AddOptions<CookieAuthenticationOptions>(SessionAuthentication.CookieScheme)
            .Configure<IOptions<AuthenticationModeOptions>, IHostEnvironment>((o, mode, environment) =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = mode.Value.EffectiveCookieSecurePolicy(environment);
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<AuthenticationModeOptions>, IHostEnvironment>((o, mode, environment) =>
            {
                o.Cookie.HttpOnly = true;
                // Only the Designer's own forms post the token back: no cross-site request ever needs it.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = mode.Value.EffectiveCookieSecurePolicy(environment);
            });
        return services;
    }
}
