using System.Text.Encodings.Web;
using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.AspNetCore.Authentication;
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
    IDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";
    public const string Header = "X-Dev-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();
        var email = values.ToString().Trim().ToLowerInvariant();
        var person = await directory.FindPersonAsync(email, Context.RequestAborted);
        if (person is null) return AuthenticateResult.Fail($"No person with e-mail '{email}' in the directory.");

        return AuthenticateResult.Success(new AuthenticationTicket(DirectoryPrincipal.For(person, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Response, StatusCodes.Status401Unauthorized, $"Send the {Header} header with the e-mail of a person in the directory.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Response, StatusCodes.Status403Forbidden, AuthProblems.ForbiddenDetail);
}
