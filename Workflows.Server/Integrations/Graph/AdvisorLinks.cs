using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>What an advisor's link grants: one person, one consultation, until a moment.</summary>
public sealed record AdvisorLinkGrant(string Email, string ConsultationId, DateTimeOffset ExpiresAt);

/// <summary>The outcome of reading a token: a valid grant, or the problem (and, when it merely expired, what it granted).</summary>
public sealed record AdvisorLinkCheck(AdvisorLinkGrant? Valid, AdvisorLinkGrant? Expired, string? Problem)
{
    public static AdvisorLinkCheck Refused(string problem) => new(null, null, problem);
}

/// <summary>
/// Signed, expiring links for advisors, who have no account: a token names the advisor and the one
/// consultation it opens. Data Protection signs and encrypts it; the expiry is embedded and checked
/// against <see cref="TimeProvider"/>, because <c>ITimeLimitedDataProtector</c> reads the machine
/// clock, which neither tests nor a server-wide time source control.
/// </summary>
public sealed class AdvisorLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<GraphOptions> options)
{
    public const string Purpose = "advisor-link";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>A token valid until the consultation closes plus the grace period (<c>Graph:AdvisorLinkGrace</c>).</summary>
    public string CreateToken(string email, string consultationId, DateTimeOffset closesAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(consultationId);
        var expires = closesAt + options.Value.AdvisorLinkGrace;
        return _protector.Protect(JsonSerializer.Serialize(new Payload(email.Trim().ToLowerInvariant(), consultationId, expires.ToUnixTimeSeconds())));
    }

    /// <summary>The link to a consultation's page for this advisor.</summary>
    public string CreateLink(string email, string consultationId, DateTimeOffset closesAt) =>
        $"{options.Value.LinkBaseUrl.TrimEnd('/')}/consultations/{Uri.EscapeDataString(consultationId)}?token={CreateToken(email, consultationId, closesAt)}";

    /// <summary>The grant, or null with the reason when the token is tampered with, foreign or expired.</summary>
    public AdvisorLinkGrant? Validate(string? token, out string? problem)
    {
        var check = Check(token);
        problem = check.Problem;
        return check.Valid;
    }

    /// <summary>
    /// Like <see cref="Validate"/>, but an authentic token that has expired also tells whose it was and
    /// when it expired, so the advisor can be told in their own time zone. It grants nothing.
    /// </summary>
    public AdvisorLinkCheck Check(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return AdvisorLinkCheck.Refused("The link has no token.");
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token.Trim()));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return AdvisorLinkCheck.Refused("The link is not valid: it was changed or was not issued by this server.");
        }
        if (payload is null || string.IsNullOrEmpty(payload.Email) || string.IsNullOrEmpty(payload.ConsultationId))
            return AdvisorLinkCheck.Refused("The link is not valid.");
        var grant = new AdvisorLinkGrant(payload.Email, payload.ConsultationId, DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt));
        return time.GetUtcNow() >= grant.ExpiresAt
            ? new AdvisorLinkCheck(null, grant, $"The link expired on {grant.ExpiresAt:u}.")
            : new AdvisorLinkCheck(grant, null, null);
    }

    private sealed record Payload(
        [property: JsonPropertyName("e")] string Email,
        [property: JsonPropertyName("c")] string ConsultationId,
        [property: JsonPropertyName("x")] long ExpiresAt);
}
