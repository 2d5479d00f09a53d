namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>
/// A member's answer. <see cref="Dissociate"/> (silence only) lets the text pass without joining it: the member
/// does not block adoption and is not among those who adopt it.
/// </summary>
public enum ResponseKind { NoObjection, Endorse, Object, Abstain, SignOn, Withdraw, Dissociate }

/// <summary>
/// A member government's current response to a round. There is one per (round, government): a
/// unique index makes a second one impossible, so a government that answers again changes this
/// row (<see cref="Revision"/> counts the changes; the journal keeps every earlier answer).
/// </summary>
public sealed class ApprovalResponse
{
    public required string Id { get; init; }
    public required string RoundId { get; init; }

    /// <summary>The member government that answers (the responding diplomat's government): one voice each.</summary>
    public required string Government { get; init; }
    public ResponseKind Kind { get; set; }
    public string? Reason { get; set; }
    public string? ProposedText { get; set; }

    /// <summary>Who sent the response (the diplomat, or the secretariat acting for them).</summary>
    public required string By { get; set; }

    /// <summary>The diplomat the secretariat acted for, if it did.</summary>
    public string? OnBehalfOf { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>How many times the government changed its response (0 for the first one).</summary>
    public int Revision { get; set; }

    /// <summary>Which kinds a mode accepts; anything else is a bad request.</summary>
    public static IReadOnlyList<ResponseKind> AllowedIn(ApprovalMode mode) => mode switch
    {
        ApprovalMode.Silence => [ResponseKind.NoObjection, ResponseKind.Endorse, ResponseKind.Object, ResponseKind.Dissociate],
        ApprovalMode.Consensus => [ResponseKind.Endorse, ResponseKind.NoObjection, ResponseKind.Object],
        ApprovalMode.SignOn => [ResponseKind.SignOn, ResponseKind.Withdraw],
        _ => [ResponseKind.Endorse, ResponseKind.Object, ResponseKind.Abstain],
    };
}
