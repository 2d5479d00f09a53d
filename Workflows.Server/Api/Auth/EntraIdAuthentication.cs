using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// Production sign-in through Microsoft Entra ID, on Microsoft.Identity.Web: OpenID Connect (authorization code
/// flow) signs people into the Designer's session cookie; JWT bearer accepts the API's access tokens, with the
/// library's issuer (tenant), signing key and scope checks. Either way the account is matched to a person of the
/// directory by e-mail, and that person's roles apply.
/// </summary>
public static class EntraIdAuthentication
{
    public const string OpenIdScheme = "EntraId";
    public const string BearerScheme = "EntraIdBearer";
    public const string ChallengePath = "/account/signin/microsoft";

    public static AuthenticationBuilder AddEntraIdSchemes(this AuthenticationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EntraIdOptions>().BindConfiguration(EntraIdOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntraIdOptions>, EntraIdOptionsValidation>();

        // Pages. No cookie of the library's own (cookieScheme: null): people sign in to the session cookie every mode shares.
        builder.AddMicrosoftIdentityWebApp(_ => { }, cookieScheme: null, openIdConnectScheme: OpenIdScheme, displayName: "Microsoft");
        services.AddOptions<MicrosoftIdentityOptions>(OpenIdScheme).Configure<IOptions<EntraIdOptions>>((o, entra) => ConfigurePages(o, entra.Value));

        // API. Our settings come first: the library keeps the audiences it finds set and chains its events around ours.
        services.AddOptions<MicrosoftIdentityOptions>(BearerScheme).Configure<IOptions<EntraIdOptions>>((o, entra) => ConfigureApplication(o, entra.Value));
        services.AddOptions<JwtBearerOptions>(BearerScheme).Configure<IOptions<EntraIdOptions>>((o, entra) => EntraIdBearer.Configure(o, entra.Value));
        builder.AddMicrosoftIdentityWebApi(_ => { }, _ => { }, BearerScheme);

        // The library merges RequireHttpsMetadata with "or true", so a local fake authority over http is allowed here,
        // after the library has written the handler's options and before the handler reads them to fetch the metadata.
        services.AddOptions<OpenIdConnectOptions>(OpenIdScheme).Configure<IOptions<EntraIdOptions>>((o, entra) => o.RequireHttpsMetadata = entra.Value.RequireHttpsMetadata);
        return builder;
    }

    /// <summary>The app registration, from our section; the authority is the library's <c>{Instance}{TenantId}/v2.0</c> unless replaced.</summary>
    private static void ConfigureApplication(MicrosoftIdentityOptions o, EntraIdOptions entra)
    {
        o.Instance = entra.Instance;
        o.TenantId = entra.TenantId;
        o.ClientId = entra.ClientId;
        o.ClientSecret = entra.ClientSecret;
        if (EntraIdOptions.Has(entra.Authority)) o.Authority = entra.EffectiveAuthority;
        o.TokenValidationParameters.ValidIssuers = entra.ReplacedAuthorityIssuers;
    }

    /// <summary>
    /// Sends the browser to Microsoft to sign in, then back to <paramref name="returnUrl"/>. When Entra ID cannot be
    /// reached (its metadata is fetched on first use), the sign-in page says so instead of an error page.
    /// </summary>
    public static async Task ChallengeAsync(HttpContext http, string returnUrl)
    {
        try
        {
            await http.ChallengeAsync(OpenIdScheme, new AuthenticationProperties { RedirectUri = returnUrl });
        }
        catch (InvalidOperationException unreachable) when (IsUnreachable(unreachable))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraIdAuthentication))
                .LogError(unreachable, "Entra ID cannot be reached: nobody can sign in");
            http.Response.Redirect("/signin?unreachable=true");
        }
    }

    /// <summary>True when the request carries <c>Authorization: Bearer …</c>: the API's production credential.</summary>
    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static void ConfigurePages(MicrosoftIdentityOptions o, EntraIdOptions entra)
    {
        ConfigureApplication(o, entra);
        o.ResponseType = "code";
        o.SignInScheme = SessionAuthentication.CookieScheme;
        o.Scope.Add("email");
        // Raw claim names ("email", "preferred_username"): the directory, not the token, makes the principal.
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.Events.OnTokenValidated = context => MapToDirectoryAsync(
            context.HttpContext, context.Principal!, SessionAuthentication.CookieScheme, p => context.Principal = p, context.Fail);
        // A refusal or a failed round trip is a page that says so, never an unhandled exception.
        o.Events.OnRemoteFailure = context =>
        {
            var refusal = FindRefusal(context.Failure);
            if (refusal is null)
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraIdAuthentication))
                    .LogWarning(context.Failure, "Sign-in with Entra ID failed");
            context.Response.Redirect(refusal is null ? "/signin?failed=true"
                : "/signin?refused=" + Uri.EscapeDataString(refusal.Email ?? "(no e-mail)"));
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>Replaces the token's principal by the directory's person; an account the directory lacks fails authentication.</summary>
    internal static async Task MapToDirectoryAsync(
        HttpContext http, ClaimsPrincipal token, string authenticationType, Action<ClaimsPrincipal> accept, Action<Exception> refuse)
    {
        try
        {
            var directory = http.RequestServices.GetRequiredService<IDirectory>();
            accept(await DirectoryPrincipal.FromExternalAsync(token, authenticationType, directory, http.RequestAborted));
        }
        catch (NotInDirectoryException refusal)
        {
            refuse(refusal);
        }
    }

    /// <summary>IdentityModel reports metadata it could not fetch as an InvalidOperationException over an IOException.</summary>
    internal static bool IsUnreachable(InvalidOperationException e) => e.InnerException is IOException or HttpRequestException;

    private static NotInDirectoryException? FindRefusal(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
            if (e is NotInDirectoryException refusal) return refusal;
        return null;
    }
}
