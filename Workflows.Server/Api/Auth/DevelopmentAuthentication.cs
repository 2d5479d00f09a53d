using System.Security.Claims;
using System.Text.Encodings.Web;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// Development sign-in for the embedded default: the <c>X-Dev-User</c> header names a person of the
/// directory by e-mail. Never enabled unless configured; the server logs it at start.
/// </summary>
public sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<WorkflowDbContext> contexts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";
    public const string Header = "X-Dev-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();
        var email = values.ToString().Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email, Context.RequestAborted);
        if (person is null) return AuthenticateResult.Fail($"No person with e-mail '{email}' in the directory.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id),
            new(ClaimTypes.Name, person.Name),
            new(ClaimTypes.Email, person.Email),
        };
        claims.AddRange(person.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 401, Title = "Not signed in", Type = "https://focworkflows.dev/problems/unauthenticated",
            Detail = $"Send the {Header} header with the e-mail of a person in the directory.",
        }, options: null, contentType: "application/problem+json");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 403, Title = "Not allowed", Type = "https://focworkflows.dev/problems/forbidden",
            Detail = "Your roles do not allow this action.",
        }, options: null, contentType: "application/problem+json");
    }
}
