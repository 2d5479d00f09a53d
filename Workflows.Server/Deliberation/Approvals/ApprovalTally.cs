namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>An objection as reported with a round's result: who objected, why, and what they proposed.</summary>
public sealed record ApprovalObjection(string Government, string? Reason, string? ProposedText);

/// <summary>A member that let the text pass without joining it, and why.</summary>
public sealed record ApprovalDissociation(string Government, string Reason);

/// <summary>
/// The count of a round's current responses from its audience. Responses of governments outside
/// the audience (there should be none) are ignored.
/// </summary>
public sealed record ApprovalTally(int Audience, int Responded, int NoObjection, int Endorse, int Object, int Abstain, int SignOn, int Withdraw,
    IReadOnlyList<string> Signatories, int Dissociate, IReadOnlyList<string> Dissociated)
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
            SignatoriesOf(round, current), Count(ResponseKind.Dissociate), [.. DissociationsOf(current).Select(d => d.Government)]);
    }

    /// <summary>
    /// Who adopts the text if the round ends now. Silence: every government of the audience that neither
    /// objected nor dissociated, in the audience's order: silence is consent, and a written "no objection"
    /// adds nothing to it. Sign-on: the governments whose current response is a sign-on, in the order they
    /// signed. Consensus and majority: the governments that endorsed or answered "no objection" in writing.
    /// </summary>
    public static IReadOnlyList<string> SignatoriesOf(ApprovalRound round, IEnumerable<ApprovalResponse> responses)
    {
        var current = responses.ToList();
        return round.Mode switch
        {
            ApprovalMode.Silence => [.. round.AudienceGovernments.Where(g =>
                !current.Any(r => r.Government == g && r.Kind is ResponseKind.Object or ResponseKind.Dissociate))],
            ApprovalMode.SignOn => [.. current.Where(r => r.Kind == ResponseKind.SignOn)
                .OrderBy(r => r.At).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Government)],
            _ => [.. current.Where(r => r.Kind is ResponseKind.Endorse or ResponseKind.NoObjection).Select(r => r.Government).Order(StringComparer.Ordinal)],
        };
    }

    public static IReadOnlyList<ApprovalObjection> ObjectionsOf(IEnumerable<ApprovalResponse> responses) =>
    [
        .. responses.Where(r => r.Kind == ResponseKind.Object).OrderBy(r => r.Government, StringComparer.Ordinal)
            .Select(r => new ApprovalObjection(r.Government, r.Reason, r.ProposedText)),
    ];

    public static IReadOnlyList<ApprovalDissociation> DissociationsOf(IEnumerable<ApprovalResponse> responses) =>
    [
        .. responses.Where(r => r.Kind == ResponseKind.Dissociate).OrderBy(r => r.Government, StringComparer.Ordinal)
            .Select(r => new ApprovalDissociation(r.Government, r.Reason ?? "")),
    ];
}
