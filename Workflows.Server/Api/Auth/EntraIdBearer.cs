using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// The API's side of Entra ID: access tokens validated against the tenant's keys and the API's audience,
/// mapped to the directory's person, and every refusal a ProblemDetails saying why.
/// </summary>
internal static class EntraIdBearer
{
    /// <summary>
    /// Runs before Microsoft.Identity.Web's own configuration, which sets the authority from the app registration, checks
    /// issuers of the tenant (v1.0 and v2.0 tokens) and signing keys, and requires a scope or role in the token before
    /// <see cref="JwtBearerEvents.OnTokenValidated"/> below maps the account to the directory.
    /// </summary>
    internal static void Configure(JwtBearerOptions o, EntraIdOptions entra)
    {
        o.RequireHttpsMetadata = entra.RequireHttpsMetadata;
        o.MapInboundClaims = false;
        // Set here, so the library does not replace them by its audience chosen from the token's version claim.
        o.TokenValidationParameters.ValidAudiences = entra.Audiences;
        o.TokenValidationParameters.ValidIssuers = entra.ReplacedAuthorityIssuers;
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = context => context.Result is not null
                ? Task.CompletedTask // already refused by the library (no scope or role): no directory look-up
                : EntraIdAuthentication.MapToDirectoryAsync(context.HttpContext, context.Principal!, EntraIdAuthentication.BearerScheme, p => context.Principal = p, context.Fail),
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                var detail = context.AuthenticateFailure is SecurityTokenSignatureKeyNotFoundException && !await AuthorityReachableAsync(context.Options, context.HttpContext.RequestAborted)
                    ? "Entra ID cannot be reached to check the bearer token; try again later."
                    : WhyRefused(context.AuthenticateFailure);
                await AuthProblems.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, detail);
            },
            OnForbidden = context => AuthProblems.WriteAsync(context.Response, StatusCodes.Status403Forbidden, AuthProblems.ForbiddenDetail),
        };
    }

    /// <summary>Why a bearer token was refused, in words a client's developer can act on (no token internals).</summary>
    private static string WhyRefused(Exception? failure) => failure switch
    {
        null => "Send an Entra ID access token for this API as 'Authorization: Bearer <token>'.",
        NotInDirectoryException refusal => refusal.Message,
        // Microsoft.Identity.Web's refusal of a token that grants nothing of this API (e.g. an application's own token).
        AuthenticationFailureException e when e.Message.StartsWith("IDW10201", StringComparison.Ordinal) =>
            "The bearer token grants no scope or role of this API; request one of the scopes the API exposes.",
        SecurityTokenExpiredException => "The bearer token has expired; get a new one from Entra ID.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The bearer token was issued for another audience than this API.",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by another authority than this server trusts.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        _ => "The bearer token is not valid.",
    };

    /// <summary>
    /// Without Entra ID's metadata a token's signing key is simply "not found"; asking again for the metadata tells
    /// an outage (which the caller should wait out) from a forged token.
    /// </summary>
    private static async Task<bool> AuthorityReachableAsync(JwtBearerOptions options, CancellationToken ct)
    {
        try
        {
            await options.ConfigurationManager!.GetConfigurationAsync(ct);
            return true;
        }
        catch (InvalidOperationException e) when (EntraIdAuthentication.IsUnreachable(e))
        {
            return false;
        }
    }
}
