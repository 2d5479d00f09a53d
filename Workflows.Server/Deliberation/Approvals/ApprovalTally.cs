namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>An objection as reported with a round's result: who objected, why, and what they proposed.</summary>
public sealed record ApprovalObjection(string Government, string? Reason, string? ProposedText);

/// <summary>
/// The count of a round's current responses from its audience. Responses of governments outside
/// the audience (there should be none) are ignored.
/// </summary>
public sealed record ApprovalTally(int Audience, int Responded, int NoObjection, int Endorse, int Object, int Abstain, int SignOn, int Withdraw,
    IReadOnlyList<string> Signatories)
{
    /// <summary>Majority: an endorsement is a yes.</summary>
    public int Yes => Endorse;

    /// <summary>Majority: an objection is a no.</summary>
    public int No => Object;

    /// <summary>Audience members that have not responded.</summary>
    public int Missing => Audience - Responded;

    public static ApprovalTally Of(ApprovalRound round, IEnumerable<ApprovalResponse> responses)
    {
        var audience = round.AudienceGovernments.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var current = responses.Where(r => audience.Contains(r.Government)).ToList();
        int Count(ResponseKind kind) => current.Count(r => r.Kind == kind);
        return new ApprovalTally(audience.Count, current.Count, Count(ResponseKind.NoObjection), Count(ResponseKind.Endorse),
            Count(ResponseKind.Object), Count(ResponseKind.Abstain), Count(ResponseKind.SignOn), Count(ResponseKind.Withdraw),
            SignatoriesOf(round.Mode, current));
    }

    /// <summary>
    /// Sign-on: the governments whose current response is a sign-on. Other modes: the governments
    /// that endorsed or answered "no objection" in writing (silence alone is not a signature).
    /// </summary>
    public static IReadOnlyList<string> SignatoriesOf(ApprovalMode mode, IEnumerable<ApprovalResponse> responses) =>
    [
        .. responses.Where(r => mode == ApprovalMode.SignOn
                ? r.Kind == ResponseKind.SignOn
                : r.Kind is ResponseKind.Endorse or ResponseKind.NoObjection)
            .Select(r => r.Government).Order(StringComparer.Ordinal),
    ];

    public static IReadOnlyList<ApprovalObjection> ObjectionsOf(IEnumerable<ApprovalResponse> responses) =>
    [
        .. responses.Where(r => r.Kind == ResponseKind.Object).OrderBy(r => r.Government, StringComparer.Ordinal)
            .Select(r => new ApprovalObjection(r.Government, r.Reason, r.ProposedText)),
    ];
}
