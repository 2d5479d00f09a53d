using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// Production sign-in through Microsoft Entra ID: OpenID Connect (authorization code flow) signs people
/// into the Designer's session cookie; JWT bearer accepts the API's access tokens. Either way the account
/// is matched to a person of the directory by e-mail, and that person's roles apply.
/// </summary>
public static class EntraIdAuthentication
{
    public const string OpenIdScheme = "EntraId";
    public const string BearerScheme = "EntraIdBearer";
    public const string ChallengePath = "/account/signin/microsoft";

    public static AuthenticationBuilder AddEntraIdSchemes(this AuthenticationBuilder builder)
    {
        builder.Services.AddOptions<EntraIdOptions>().BindConfiguration(EntraIdOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EntraIdOptions>, EntraIdOptionsValidation>();
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdScheme).Configure<IOptions<EntraIdOptions>>((o, entra) => ConfigurePages(o, entra.Value));
        builder.Services.AddOptions<JwtBearerOptions>(BearerScheme).Configure<IOptions<EntraIdOptions>>((o, entra) => EntraIdBearer.Configure(o, entra.Value));
        return builder
            .AddOpenIdConnect(OpenIdScheme, "Microsoft", _ => { })
            .AddJwtBearer(BearerScheme, _ => { });
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

    private static void ConfigurePages(OpenIdConnectOptions o, EntraIdOptions entra)
    {
        o.Authority = entra.EffectiveAuthority;
        o.RequireHttpsMetadata = entra.RequireHttpsMetadata;
        o.ClientId = entra.ClientId;
        o.ClientSecret = entra.ClientSecret;
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
