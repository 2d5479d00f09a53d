using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// Section <c>Authentication:EntraId</c>: the app registration the coalition's people sign in through. Its keys are
/// Microsoft.Identity.Web's own (<c>Instance</c>, <c>TenantId</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>Authority</c>),
/// checked here at start so that a missing one stops the server, named, rather than someone's first sign-in.
/// </summary>
public sealed class EntraIdOptions
{
    public const string SectionName = "Authentication:EntraId";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }

    /// <summary>Redeems the sign-in code (the pages use the authorization code flow).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The API's audience (e.g. <c>api://…</c>); the client id and <c>api://{ClientId}</c> when empty.</summary>
    public string? Audience { get; set; }

    /// <summary>Replaces <c>{Instance}{TenantId}/v2.0</c>, e.g. to point at a local fake provider.</summary>
    public string? Authority { get; set; }

    public string EffectiveAuthority => Has(Authority)
        ? Authority!.TrimEnd('/')
        : $"{Instance.TrimEnd('/')}/{TenantId}/v2.0";

    public string[] Audiences => Has(Audience) ? [Audience!] : [ClientId!, $"api://{ClientId}"];

    /// <summary>
    /// A replaced authority is trusted for its own issuer only. Entra ID's issuers (v1.0 and v2.0, of this tenant) are
    /// checked by Microsoft.Identity.Web against the tenant's metadata, which it fetches over https only.
    /// </summary>
    public string[]? ReplacedAuthorityIssuers => Has(Authority) ? [EffectiveAuthority] : null;

    /// <summary>Plain HTTP metadata is allowed only from this machine (a local fake); never from a real authority.</summary>
    public bool RequireHttpsMetadata =>
        !(Uri.TryCreate(EffectiveAuthority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    internal static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}

/// <summary>In Entra ID mode a missing key stops the server at start, named, rather than failing someone's first sign-in.</summary>
internal sealed class EntraIdOptionsValidation : IValidateOptions<EntraIdOptions>
{
    public ValidateOptionsResult Validate(string? name, EntraIdOptions o)
    {
        var errors = new List<string>();
        const string when = "is required when Authentication:Mode is EntraId";
        if (!EntraIdOptions.Has(o.TenantId)) errors.Add($"{EntraIdOptions.SectionName}:TenantId {when} (the coalition's directory (tenant) id).");
        if (!EntraIdOptions.Has(o.ClientId)) errors.Add($"{EntraIdOptions.SectionName}:ClientId {when} (the application (client) id of the app registration).");
        if (!EntraIdOptions.Has(o.ClientSecret)) errors.Add($"{EntraIdOptions.SectionName}:ClientSecret {when} (a client secret of the app registration).");
        if (!Uri.TryCreate(o.EffectiveAuthority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && o.RequireHttpsMetadata))
            errors.Add($"{EntraIdOptions.SectionName}:{(EntraIdOptions.Has(o.Authority) ? "Authority" : "Instance")} must be an https URL (was '{o.EffectiveAuthority}').");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
