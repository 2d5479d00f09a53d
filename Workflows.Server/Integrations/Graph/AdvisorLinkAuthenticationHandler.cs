using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// Signs an advisor in from their link: <c>?token=</c> or the <c>X-Advisor-Token</c> header. The
/// identity carries only the e-mail and a <c>consultation</c> claim: endpoints must check it names
/// the consultation asked for (<see cref="AdvisorLinkClaims.MayUseConsultation"/>). The gate refuses a
/// withdrawn link and records the use; a request is authenticated once, so each request is one use.
/// </summary>
public sealed class AdvisorLinkAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdvisorLinkGate gate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdvisorLink";
    public const string Header = "X-Advisor-Token";
    public const string QueryParameter = "token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null) return AuthenticateResult.NoResult();
        var admission = await gate.AdmitAsync(token, Context.Connection.RemoteIpAddress?.ToString(), "api", Context.RequestAborted);
        if (admission.Revocation is not null) return AuthenticateResult.Fail(new AdvisorLinkRevokedException(admission.Problem!));
        if (admission.Admitted is not { } grant) return AuthenticateResult.Fail(admission.Problem!);

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, grant.Email),
            new Claim(ClaimTypes.Name, grant.Email),
            new Claim(ClaimTypes.Email, grant.Email),
            new Claim(AdvisorLinkClaims.Consultation, grant.ConsultationId),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The link's token from the header or, failing that, the query; null when there is none.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var token = request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrWhiteSpace(header.ToString())
            ? header.ToString()
            : request.Query[QueryParameter].ToString();
        return string.IsNullOrWhiteSpace(token) ? null : token;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await Context.AuthenticateAsync(SchemeName);
        var revoked = result.Failure is AdvisorLinkRevokedException;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = 401, Title = revoked ? "Link withdrawn" : "Link not valid",
            Type = "https://focworkflows.dev/problems/" + (revoked ? "advisor-link-revoked" : "advisor-link"),
            Detail = result.Failure?.Message ?? $"Open the link from your invitation, or send its token in the {Header} header.",
        }, options: null, contentType: "application/problem+json");
    }
}

/// <summary>An authentic link the secretariat withdrew: the API says so with its own problem type.</summary>
public sealed class AdvisorLinkRevokedException(string message) : Exception(message);

public static class AdvisorLinkClaims
{
    public const string Consultation = "consultation";

    /// <summary>True for anyone signed in otherwise; for a link, only when it was issued for this consultation.</summary>
    public static bool MayUseConsultation(this ClaimsPrincipal user, string consultationId) =>
        user.Identity?.AuthenticationType != AdvisorLinkAuthenticationHandler.SchemeName
        || user.HasClaim(AdvisorLinkClaims.Consultation, consultationId);
}
