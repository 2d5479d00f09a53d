namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>
/// The secretariat withdrew one advisor's link to a consultation, or every link to it (<see cref="Email"/> null).
/// Stored, so a restart never revives a link; for good, since the reminders would otherwise hand out a working one again.
/// </summary>
public sealed class AdvisorLinkRevocation
{
    public const int MaxReasonLength = 2_000;

    public required string Id { get; init; }
    public required string ConsultationId { get; init; }
    public required string InstanceId { get; init; }

    /// <summary>The lower-case e-mail of the advisor whose link no longer opens the consultation; null for every link.</summary>
    public string? Email { get; init; }
    public required DateTimeOffset RevokedAt { get; init; }

    /// <summary>Who withdrew it; the page sends the advisor to them.</summary>
    public required string RevokedBy { get; init; }
    public string? Reason { get; init; }

    public bool Covers(string email) => Email is null || string.Equals(Email, email, StringComparison.OrdinalIgnoreCase);
}

public enum AdvisorLinkOutcome { Admitted, Expired, Revoked }

/// <summary>
/// One use of an advisor's link: whose, when, from which address, through the page or the API, and whether it was let in.
/// A row of its own, not a journal entry: every page view would otherwise lengthen the instance's hash chain and wait for
/// its lock, and a use changes nothing in the workflow.
/// </summary>
public sealed class AdvisorLinkUse
{
    public long Id { get; init; }
    public required string ConsultationId { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The remote IP address as the server saw it (behind a proxy, the proxy's unless forwarded headers are trusted).</summary>
    public string? Address { get; init; }

    /// <summary><c>page</c> or <c>api</c>.</summary>
    public required string Via { get; init; }
    public AdvisorLinkOutcome Outcome { get; init; }
}
