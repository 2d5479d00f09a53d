using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// Signs an advisor in from their link: <c>?token=</c> or the <c>X-Advisor-Token</c> header. The
/// identity carries only the e-mail and a <c>consultation</c> claim: endpoints must check it names
/// the consultation asked for (<see cref="AdvisorLinkClaims.MayUseConsultation"/>).
/// </summary>
public sealed class AdvisorLinkAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdvisorLinks links)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdvisorLink";
    public const string Header = "X-Advisor-Token";
    public const string QueryParameter = "token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null) return Task.FromResult(AuthenticateResult.NoResult());
        var grant = links.Validate(token, out var problem);
        if (grant is null) return Task.FromResult(AuthenticateResult.Fail(problem!));

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, grant.Email),
            new Claim(ClaimTypes.Name, grant.Email),
            new Claim(ClaimTypes.Email, grant.Email),
            new Claim(AdvisorLinkClaims.Consultation, grant.ConsultationId),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
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
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = 401, Title = "Link not valid", Type = "https://focworkflows.dev/problems/advisor-link",
            Detail = result.Failure?.Message ?? $"Open the link from your invitation, or send its token in the {Header} header.",
        }, options: null, contentType: "application/problem+json");
    }
}

public static class AdvisorLinkClaims
{
    public const string Consultation = "consultation";

    /// <summary>True for anyone signed in otherwise; for a link, only when it was issued for this consultation.</summary>
    public static bool MayUseConsultation(this ClaimsPrincipal user, string consultationId) =>
        user.Identity?.AuthenticationType != AdvisorLinkAuthenticationHandler.SchemeName
        || user.HasClaim(AdvisorLinkClaims.Consultation, consultationId);
}
