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

    public bool IsEntraId => string.Equals(Mode, EntraId, StringComparison.OrdinalIgnoreCase);

    public bool IsKnown => string.Equals(Mode, Development, StringComparison.OrdinalIgnoreCase) || IsEntraId;

    /// <summary>
    /// The mode as configured, read while services are registered: the schemes a mode needs are the only
    /// ones registered, so in production the development header has no handler at all.
    /// </summary>
    public static AuthenticationModeOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<AuthenticationModeOptions>() ?? new AuthenticationModeOptions();
}
