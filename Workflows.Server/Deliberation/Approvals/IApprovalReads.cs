using FocWorkflows.Server.Deliberation.Directory;

namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>
/// What the approval-round step reads: a round, its responses so far and the diplomats of the governments
/// it asks. A port, so the step depends on these reads alone, not on the store that also serves the API.
/// </summary>
public interface IApprovalReads
{
    Task<ApprovalRound?> FindRoundAsync(string id, CancellationToken ct);

    /// <summary>The round's responses by government; a list the step updates as a new response arrives.</summary>
    Task<List<ApprovalResponse>> ResponsesAsync(string roundId, CancellationToken ct);

    /// <summary>The diplomats (people with the member role) of these governments.</summary>
    Task<List<Person>> DiplomatsOfAsync(IReadOnlyCollection<string> governments, CancellationToken ct);
}
