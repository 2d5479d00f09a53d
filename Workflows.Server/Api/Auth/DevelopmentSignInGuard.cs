using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// A deployment that forgets <c>Authentication:Mode=EntraId</c> would let anyone be the secretariat with one header.
/// Outside the Development environment development sign-in therefore stops the start, naming the keys, unless
/// <c>Authentication:AllowDevelopmentSignIn</c> says it is meant; then the log and every page say so.
/// </summary>
internal sealed class DevelopmentSignInGuard(IHostEnvironment environment) : IValidateOptions<AuthenticationModeOptions>
{
    public const string AllowKey = AuthenticationModeOptions.SectionName + ":" + nameof(AuthenticationModeOptions.AllowDevelopmentSignIn);
    public const string CookieKey = AuthenticationModeOptions.SectionName + ":" + nameof(AuthenticationModeOptions.CookieSecurePolicy);

    public ValidateOptionsResult Validate(string? name, AuthenticationModeOptions options)
    {
        var errors = new List<string>();
        if (options.IsDevelopmentSignInOutsideDevelopment(environment) && !options.AllowDevelopmentSignIn)
            errors.Add($"{AllowKey} must be true for development sign-in (Authentication:Mode=Development, the default) outside the "
                + $"Development environment (this server runs in '{environment.EnvironmentName}'): it lets anyone act as anyone. "
                + $"Set Authentication:Mode=EntraId for real use, or {AllowKey}=true for a demonstration server.");
        if (options.CookieSecurePolicy is CookieSecurePolicy.None)
            errors.Add($"{CookieKey} must be 'Always' or 'SameAsRequest' ('None' would send the session over plain http even from an https page).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
