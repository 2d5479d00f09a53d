namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>What the rules say about a round now: still undecided, or adopted / not adopted and why.</summary>
public sealed record ApprovalVerdict(ApprovalResult? Result, ApprovalReason? Reason)
{
    public static readonly ApprovalVerdict Undecided = new(null, null);

    public bool IsDecided => Result is not null;

    public static ApprovalVerdict Adopted(ApprovalReason reason) => new(ApprovalResult.Adopted, reason);

    public static ApprovalVerdict NotAdopted(ApprovalReason reason) => new(ApprovalResult.NotAdopted, reason);
}

/// <summary>
/// The rules of each approval mode, pure: given a round and its current responses, is the result
/// decided? A round ends before its deadline only when no answer still to come can change the result.
/// </summary>
public static class ApprovalRules
{
    // Fractions come from settings as doubles: compare with a little slack so 0.5 × 42 is exactly 21.
    private const double Slack = 1e-9;

    public static ApprovalVerdict Evaluate(ApprovalRound round, IReadOnlyCollection<ApprovalResponse> responses, DateTimeOffset now, bool deadlinePassed)
    {
        var ended = deadlinePassed || now >= round.Deadline;
        var tally = ApprovalTally.Of(round, responses);
        return round.Mode switch
        {
            ApprovalMode.Silence => Silence(tally, ended),
            ApprovalMode.Consensus => Consensus(tally, ended),
            ApprovalMode.SignOn => SignOn(tally, ended),
            _ => Majority(tally, round.Quorum ?? 0, round.Threshold, ended),
        };
    }

    // Dissociating lets the text pass without joining it; if every member dissociated, nobody would adopt it.
    private static ApprovalVerdict Silence(ApprovalTally tally, bool ended) =>
        tally.Object > 0 ? ApprovalVerdict.NotAdopted(ApprovalReason.SilenceBroken)
        : !ended ? ApprovalVerdict.Undecided
        : tally.Signatories.Count > 0 ? ApprovalVerdict.Adopted(ApprovalReason.SilenceHeld)
        : ApprovalVerdict.NotAdopted(ApprovalReason.NoSignatories);

    private static ApprovalVerdict Consensus(ApprovalTally tally, bool ended) =>
        tally.Object > 0 ? ApprovalVerdict.NotAdopted(ApprovalReason.Blocked)
        : tally.Endorse + tally.NoObjection == tally.Audience ? ApprovalVerdict.Adopted(ApprovalReason.ConsensusReached)
        : ended ? ApprovalVerdict.NotAdopted(ApprovalReason.NoConsensus)
        : ApprovalVerdict.Undecided;

    private static ApprovalVerdict SignOn(ApprovalTally tally, bool ended) =>
        tally.SignOn == tally.Audience ? ApprovalVerdict.Adopted(ApprovalReason.Signed)
        : !ended ? ApprovalVerdict.Undecided
        : tally.SignOn > 0 ? ApprovalVerdict.Adopted(ApprovalReason.Signed)
        : ApprovalVerdict.NotAdopted(ApprovalReason.NoSignatories);

    private static ApprovalVerdict Majority(ApprovalTally tally, double quorum, double threshold, bool ended)
    {
        bool QuorumMet(int responded) => responded >= quorum * tally.Audience - Slack;
        bool Carries(int yes, int no) => yes > threshold * (yes + no) + Slack;

        if (ended)
        {
            return !QuorumMet(tally.Responded) ? ApprovalVerdict.NotAdopted(ApprovalReason.NoQuorum)
                : Carries(tally.Yes, tally.No) ? ApprovalVerdict.Adopted(ApprovalReason.MajorityInFavour)
                : ApprovalVerdict.NotAdopted(ApprovalReason.Rejected);
        }
        // The result is settled when even the most adverse answers of the members still to respond
        // cannot change it: all of them voting no (for adoption), all of them voting yes (for rejection).
        var missing = tally.Missing;
        if (QuorumMet(tally.Responded) && Carries(tally.Yes, tally.No + missing)) return ApprovalVerdict.Adopted(ApprovalReason.MajorityInFavour);
        if (!Carries(tally.Yes + missing, tally.No)) return ApprovalVerdict.NotAdopted(ApprovalReason.Rejected);
        return ApprovalVerdict.Undecided;
    }
}
