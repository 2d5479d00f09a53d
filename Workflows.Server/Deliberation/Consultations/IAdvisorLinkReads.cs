namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>
/// Which advisors' links to a consultation the secretariat withdrew: the consultation step sends them no
/// reminder, since it would hand them a link that is refused. A port, so the step reads this alone and
/// not the store that also records the links' uses.
/// </summary>
public interface IAdvisorLinkReads
{
    /// <summary>The consultation's revocations, earliest first.</summary>
    Task<IReadOnlyList<AdvisorLinkRevocation>> RevocationsAsync(string consultationId, CancellationToken ct);
}
