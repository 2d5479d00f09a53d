using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// A link as presented: <see cref="Admitted"/> when it opens its consultation; otherwise <see cref="Problem"/> says why,
/// and <see cref="Authentic"/> is whose it was when the server did issue it (expired or withdrawn), so the advisor can be
/// told in their own time zone, and when withdrawn whom to write to (<see cref="Contact"/>).
/// </summary>
public sealed record AdvisorLinkAdmission(AdvisorLinkGrant? Admitted, AdvisorLinkGrant? Authentic, AdvisorLinkRevocation? Revocation,
    string? Contact, string? Problem);

/// <summary>
/// Every use of an advisor's link passes here, from the API (the <c>AdvisorLink</c> scheme) and from the advisor's page
/// alike: the token's signature and expiry (<see cref="AdvisorLinks"/>), then the secretariat's revocations, and each use
/// of an authentic token is recorded with its time and address, admitted or not.
/// </summary>
public sealed class AdvisorLinkGate(AdvisorLinks links, AdvisorLinkStore store, IDirectory directory, TimeProvider time)
{
    public async Task<AdvisorLinkAdmission> AdmitAsync(string? token, string? address, string via, CancellationToken ct)
    {
        var check = links.Check(token);
        if ((check.Valid ?? check.Expired) is not { } grant) return new AdvisorLinkAdmission(null, null, null, null, check.Problem);

        var revocation = await store.RevocationAsync(grant.ConsultationId, grant.Email, ct);
        var outcome = revocation is not null ? AdvisorLinkOutcome.Revoked : check.Valid is not null ? AdvisorLinkOutcome.Admitted : AdvisorLinkOutcome.Expired;
        await store.RecordUseAsync(new AdvisorLinkUse
        {
            ConsultationId = grant.ConsultationId, Email = grant.Email, At = time.GetUtcNow(), Address = Truncate(address, 64), Via = via, Outcome = outcome,
        }, ct);
        if (revocation is null) return new AdvisorLinkAdmission(check.Valid, grant, null, null, check.Problem);

        var contact = await ContactAsync(revocation.RevokedBy, ct);
        return new AdvisorLinkAdmission(null, grant, revocation, contact,
            $"This link was withdrawn by the secretariat on {revocation.RevokedAt:u}. If you think it should still work, write to {contact}.");
    }

    /// <summary>Who withdrew the link, as the advisor can reach them: "Name (e-mail)".</summary>
    private async Task<string> ContactAsync(string email, CancellationToken ct) =>
        await directory.FindPersonAsync(email, ct) is { } person ? $"{person.Name} ({person.Email})" : email;

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
