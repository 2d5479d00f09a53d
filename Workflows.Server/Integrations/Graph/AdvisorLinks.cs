using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>What an advisor's link grants: one person, one consultation, until a moment.</summary>
public sealed record AdvisorLinkGrant(string Email, string ConsultationId, DateTimeOffset ExpiresAt);

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
        problem = null;
        if (string.IsNullOrWhiteSpace(token)) { problem = "The link has no token."; return null; }
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token.Trim()));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            problem = "The link is not valid: it was changed or was not issued by this server.";
            return null;
        }
        if (payload is null || string.IsNullOrEmpty(payload.Email) || string.IsNullOrEmpty(payload.ConsultationId))
        {
            problem = "The link is not valid.";
            return null;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt);
        if (time.GetUtcNow() >= expires)
        {
            problem = $"The link expired on {expires:u}.";
            return null;
        }
        return new AdvisorLinkGrant(payload.Email, payload.ConsultationId, expires);
    }

    private sealed record Payload(
        [property: JsonPropertyName("e")] string Email,
        [property: JsonPropertyName("c")] string ConsultationId,
        [property: JsonPropertyName("x")] long ExpiresAt);
}
