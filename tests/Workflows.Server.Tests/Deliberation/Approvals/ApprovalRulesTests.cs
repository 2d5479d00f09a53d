using FocWorkflows.Server.Deliberation.Approvals;

namespace FocWorkflows.Server.Tests.Deliberation.Approvals;

/// <summary>The rules of each mode, pure: no server, no database.</summary>
public sealed class ApprovalRulesTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Opens.AddHours(72);
    private static readonly DateTimeOffset Before = Deadline.AddSeconds(-1);

    private static ApprovalRound Round(ApprovalMode mode, int audience, double? quorum = null, double threshold = 0.5) => new()
    {
        Id = "r", InstanceId = "i", NodeId = "n", Title = "t", Mode = mode, OpensAt = Opens, Deadline = Deadline,
        AudienceGovernments = [.. Enumerable.Range(0, audience).Select(Code)], Quorum = quorum, Threshold = threshold,
    };

    private static string Code(int i) => $"{(char)('A' + i / 26)}{(char)('A' + i % 26)}";

    /// <summary>Responses of the first governments of the audience, in order.</summary>
    private static List<ApprovalResponse> Responses(params ResponseKind[] kinds) =>
        [.. kinds.Select((k, i) => new ApprovalResponse { Id = $"x{i}", RoundId = "r", Government = Code(i), Kind = k, By = "someone", Reason = "why" })];

    private static ApprovalVerdict Evaluate(ApprovalRound round, List<ApprovalResponse> responses, bool atDeadline = false) =>
        ApprovalRules.Evaluate(round, responses, atDeadline ? Deadline : Before, atDeadline);

    [Fact]
    public void Silence_AnObjectionBeforeTheDeadline_BreaksSilenceAtOnce() =>
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.SilenceBroken),
            Evaluate(Round(ApprovalMode.Silence, 5), Responses(ResponseKind.NoObjection, ResponseKind.Object)));

    [Fact]
    public void Silence_EveryoneAgreesBeforeTheDeadline_StaysUndecided() =>
        Assert.Equal(ApprovalVerdict.Undecided, Evaluate(Round(ApprovalMode.Silence, 2), Responses(ResponseKind.NoObjection, ResponseKind.Endorse)));

    [Fact]
    public void Silence_NoResponseAtTheDeadline_IsAdopted() =>
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.SilenceHeld), Evaluate(Round(ApprovalMode.Silence, 5), [], atDeadline: true));

    [Fact]
    public void Silence_NowAtTheDeadlineWithoutTheTimerFlag_CountsAsEnded() =>
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.SilenceHeld), ApprovalRules.Evaluate(Round(ApprovalMode.Silence, 3), [], Deadline, false));

    [Fact]
    public void Consensus_AnyObjection_Blocks() =>
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.Blocked),
            Evaluate(Round(ApprovalMode.Consensus, 3), Responses(ResponseKind.Endorse, ResponseKind.Object)));

    [Fact]
    public void Consensus_EveryMemberEndorsesOrDoesNotObject_IsAdoptedEarly() =>
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.ConsensusReached),
            Evaluate(Round(ApprovalMode.Consensus, 3), Responses(ResponseKind.Endorse, ResponseKind.NoObjection, ResponseKind.Endorse)));

    [Fact]
    public void Consensus_OneMemberMissingBeforeTheDeadline_StaysUndecided() =>
        Assert.Equal(ApprovalVerdict.Undecided, Evaluate(Round(ApprovalMode.Consensus, 3), Responses(ResponseKind.Endorse, ResponseKind.Endorse)));

    [Fact]
    public void Consensus_OneMemberMissingAtTheDeadline_HasNoConsensus() =>
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.NoConsensus),
            Evaluate(Round(ApprovalMode.Consensus, 3), Responses(ResponseKind.Endorse, ResponseKind.Endorse), atDeadline: true));

    [Fact]
    public void SignOn_SignaturesAtTheDeadline_AreAdoptedWithExactlyTheCurrentSigners()
    {
        var round = Round(ApprovalMode.SignOn, 4);
        var responses = Responses(ResponseKind.SignOn, ResponseKind.Withdraw, ResponseKind.SignOn);

        Assert.Equal(ApprovalVerdict.Undecided, Evaluate(round, responses));
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.Signed), Evaluate(round, responses, atDeadline: true));
        Assert.Equal(["AA", "AC"], ApprovalTally.Of(round, responses).Signatories);
    }

    [Fact]
    public void SignOn_OnlyWithdrawalsAtTheDeadline_HasNoSignatories() =>
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.NoSignatories),
            Evaluate(Round(ApprovalMode.SignOn, 3), Responses(ResponseKind.Withdraw), atDeadline: true));

    [Fact]
    public void SignOn_EveryMemberSigned_EndsEarly() =>
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.Signed),
            Evaluate(Round(ApprovalMode.SignOn, 2), Responses(ResponseKind.SignOn, ResponseKind.SignOn)));

    [Fact]
    public void Majority_QuorumAndMoreYesThanNo_IsAdoptedAtTheDeadline() =>
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.MajorityInFavour),
            Evaluate(Round(ApprovalMode.Majority, 10, quorum: 0.5), Responses(ResponseKind.Endorse, ResponseKind.Endorse, ResponseKind.Endorse,
                ResponseKind.Object, ResponseKind.Abstain), atDeadline: true));

    [Fact]
    public void Majority_AbstentionsCountForQuorumOnly()
    {
        var round = Round(ApprovalMode.Majority, 4, quorum: 0.75);
        // 3 of 4 responded (quorum), yes 1 > 0.5 × (1 + 0): adopted although only one voted yes.
        var verdict = Evaluate(round, Responses(ResponseKind.Endorse, ResponseKind.Abstain, ResponseKind.Abstain), atDeadline: true);

        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.MajorityInFavour), verdict);
        Assert.Equal(3, ApprovalTally.Of(round, Responses(ResponseKind.Endorse, ResponseKind.Abstain, ResponseKind.Abstain)).Responded);
    }

    [Fact]
    public void Majority_QuorumMissedByOne_HasNoQuorum() =>
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.NoQuorum),
            Evaluate(Round(ApprovalMode.Majority, 10, quorum: 0.5), Responses(ResponseKind.Endorse, ResponseKind.Endorse, ResponseKind.Endorse, ResponseKind.Endorse), atDeadline: true));

    [Fact]
    public void Majority_QuorumAsAFractionOf42_IsReachedAtExactly21() =>
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.MajorityInFavour),
            Evaluate(Round(ApprovalMode.Majority, 42, quorum: 0.5), Responses([.. Enumerable.Repeat(ResponseKind.Endorse, 21)]), atDeadline: true));

    [Fact]
    public void Majority_ATie_IsRejected() =>
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.Rejected),
            Evaluate(Round(ApprovalMode.Majority, 4), Responses(ResponseKind.Endorse, ResponseKind.Endorse, ResponseKind.Object, ResponseKind.Object), atDeadline: true));

    [Fact]
    public void Majority_TwoThirdsThreshold_NeedsMoreThanTwoThirds()
    {
        var round = Round(ApprovalMode.Majority, 3, threshold: 2.0 / 3);
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.Rejected),
            Evaluate(round, Responses(ResponseKind.Endorse, ResponseKind.Endorse, ResponseKind.Object), atDeadline: true));
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.MajorityInFavour),
            Evaluate(round, Responses(ResponseKind.Endorse, ResponseKind.Endorse, ResponseKind.Endorse), atDeadline: true));
    }

    [Fact]
    public void Majority_YesCannotBeOvertakenByTheRemainingMembers_EndsEarlyAdopted() =>
        // 5 of 7 said yes; even if the 2 others say no, 5 > 0.5 × 7.
        Assert.Equal(ApprovalVerdict.Adopted(ApprovalReason.MajorityInFavour),
            Evaluate(Round(ApprovalMode.Majority, 7, quorum: 0.5), Responses([.. Enumerable.Repeat(ResponseKind.Endorse, 5)])));

    [Fact]
    public void Majority_RemainingMembersCouldStillTipIt_StaysUndecided() =>
        // 3 yes of 7: four more no would reject it, four more yes would adopt it.
        Assert.Equal(ApprovalVerdict.Undecided,
            Evaluate(Round(ApprovalMode.Majority, 7, quorum: 0.5), Responses(ResponseKind.Endorse, ResponseKind.Endorse, ResponseKind.Endorse)));

    [Fact]
    public void Majority_YesCanNoLongerWin_EndsEarlyRejected() =>
        // 4 no of 7: even 3 more yes make a 3-4 vote.
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.Rejected),
            Evaluate(Round(ApprovalMode.Majority, 7, quorum: 0.5), Responses([.. Enumerable.Repeat(ResponseKind.Object, 4)])));

    [Fact]
    public void Majority_EnoughYesButQuorumNotYetMet_StaysUndecided() =>
        // 6 yes of 10 would carry even against 4 no, but with an 80% quorum silence could still sink it.
        Assert.Equal(ApprovalVerdict.Undecided,
            Evaluate(Round(ApprovalMode.Majority, 10, quorum: 0.8), Responses([.. Enumerable.Repeat(ResponseKind.Endorse, 6)])));

    [Fact]
    public void Tally_IgnoresResponsesFromOutsideTheAudience()
    {
        var round = Round(ApprovalMode.Silence, 2);
        var responses = Responses(ResponseKind.NoObjection);
        responses.Add(new ApprovalResponse { Id = "z", RoundId = "r", Government = "ZZ", Kind = ResponseKind.Object, By = "x" });

        Assert.Equal(0, ApprovalTally.Of(round, responses).Object);
        Assert.Equal(ApprovalVerdict.Undecided, Evaluate(round, responses));
    }

    [Fact]
    public void Signatories_OfSilence_AreEveryMemberThatNeitherObjectedNorDissociated() =>
        Assert.Equal(["AA", "AC", "AD"], ApprovalTally.Of(Round(ApprovalMode.Silence, 4),
            Responses(ResponseKind.NoObjection, ResponseKind.Dissociate)).Signatories);

    [Fact]
    public void Silence_EveryMemberDissociated_IsNotAdoptedForLackOfSignatories() =>
        Assert.Equal(ApprovalVerdict.NotAdopted(ApprovalReason.NoSignatories),
            Evaluate(Round(ApprovalMode.Silence, 2), Responses(ResponseKind.Dissociate, ResponseKind.Dissociate), atDeadline: true));

    [Fact]
    public void Signatories_OfSignOn_AreInTheOrderTheySigned()
    {
        var responses = Responses(ResponseKind.SignOn, ResponseKind.SignOn, ResponseKind.SignOn);
        responses[0].At = Opens.AddHours(3);
        responses[1].At = Opens.AddHours(1);
        responses[2].At = Opens.AddHours(2);

        Assert.Equal(["AB", "AC", "AA"], ApprovalTally.Of(Round(ApprovalMode.SignOn, 3), responses).Signatories);
    }

    [Fact]
    public void Signatories_OutsideSignOn_AreThoseWhoEndorsedOrDidNotObjectInWriting() =>
        Assert.Equal(["AA", "AC"], ApprovalTally.Of(Round(ApprovalMode.Consensus, 4),
            Responses(ResponseKind.Endorse, ResponseKind.Object, ResponseKind.NoObjection)).Signatories);
}
