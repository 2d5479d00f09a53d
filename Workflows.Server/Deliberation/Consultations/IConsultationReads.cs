namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>
/// What the consultation steps read of a comment window: the window itself, who has commented and how
/// many comments it has. A port, so a step depends on these reads alone, not on the store that also
/// serves the API and the inbox, and never on the service provider.
/// </summary>
public interface IConsultationReads
{
    Task<Consultation?> FindAsync(string id, CancellationToken ct);

    /// <summary>The latest consultation a node of an instance opened (a loop may open several).</summary>
    Task<Consultation?> FindLatestAsync(string instanceId, string nodeId, CancellationToken ct);

    Task<int> CommentCountAsync(string consultationId, CancellationToken ct);

    /// <summary>The people who have commented (for themselves or through the secretariat): whom not to remind.</summary>
    Task<IReadOnlySet<string>> CommentersAsync(string consultationId, CancellationToken ct);
}
