namespace FocWorkflows.Server.Api.Auth;

/// <summary>Section <c>Authentication</c>: who the server trusts to say who a caller is.</summary>
public sealed class AuthenticationModeOptions
{
    public const string SectionName = "Authentication";
    public const string Development = "Development";
    public const string EntraId = "EntraId";

    /// <summary>
    /// <c>Development</c> (the embedded default: the X-Dev-User header and a person picker) or
    /// <c>EntraId</c> (production: OpenID Connect for pages, JWT bearer for the API).
    /// </summary>
    public string Mode { get; set; } = Development;

    /// <summary>
    /// Development sign-in lets anyone be anyone, the secretariat included. Outside the ASP.NET Core Development
    /// environment the server refuses to start with it unless this says it is meant (a demo or test server).
    /// </summary>
    public bool AllowDevelopmentSignIn { get; set; }

    /// <summary>
    /// The <c>Secure</c> flag of the session and antiforgery cookies: <c>Always</c> (the default outside the Development
    /// environment) or <c>SameAsRequest</c> (the default in Development, served over plain http on this machine).
    /// </summary>
    public CookieSecurePolicy? CookieSecurePolicy { get; set; }

    public bool IsEntraId => string.Equals(Mode, EntraId, StringComparison.OrdinalIgnoreCase);

    public bool IsKnown => string.Equals(Mode, Development, StringComparison.OrdinalIgnoreCase) || IsEntraId;

    /// <summary>Development sign-in on a server that is not a developer's: every start and every page must say so.</summary>
    public bool IsDevelopmentSignInOutsideDevelopment(IHostEnvironment environment) =>
        IsKnown && !IsEntraId && !environment.IsDevelopment();

    public CookieSecurePolicy EffectiveCookieSecurePolicy(IHostEnvironment environment) =>
        CookieSecurePolicy ?? (environment.IsDevelopment() ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);

    /// <summary>
    /// The mode as configured, read while services are registered: the schemes a mode needs are the only
    /// ones registered, so in production the development header has no handler at all.
    /// </summary>
    public static AuthenticationModeOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<AuthenticationModeOptions>() ?? new AuthenticationModeOptions();
}
