namespace FocWorkflows.Designer.Ports;

public sealed record ApprovalTallyView(int Audience, int Responded, int NoObjection, int Endorse, int Object, int Abstain, int SignOn, int Withdraw,
    int Dissociate = 0);

/// <summary>A government's current response; kinds and modes in the API's camelCase (<c>noObjection</c>, <c>signOn</c>).</summary>
public sealed record ApprovalResponseLine(string Government, string GovernmentName, string Kind, string? Reason, string? ProposedText,
    string By, DateTimeOffset At);

/// <summary>
/// An approval round as its page shows it. <paramref name="KindsForViewer"/> are the kinds the viewer
/// may answer with: empty unless the round is open and the viewer is a diplomat of an audience government
/// or the secretariat, who answers for one of <paramref name="OnBehalfOptions"/> (the audience's diplomats).
/// <paramref name="ViewerMayExtend"/>: the round is open and the viewer chairs, co-chairs or is the secretariat.
/// <paramref name="ViewerMayWithdraw"/>: the same, for taking the text back; <paramref name="WithdrawnBecause"/>: why it was.
/// <paramref name="AdoptedBy"/> and <paramref name="Dissociated"/>: once adopted, the names of the governments that adopted
/// the text and of those that let it pass without joining it.
/// <paramref name="ViewerGovernment"/>: the viewer's government, by name.
/// </summary>
public sealed record ApprovalPageView(string Id, string InstanceId, string Title, string Mode, int? DraftVersion, bool Open,
    string? Result, string? Reason, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, ApprovalTallyView Tally,
    IReadOnlyList<ApprovalResponseLine> Responses, IReadOnlyList<string> KindsForViewer, string? ViewerGovernment,
    bool ViewerMayExtend = false, IReadOnlyList<OnBehalfOption>? OnBehalfOptions = null,
    IReadOnlyList<string>? AdoptedBy = null, IReadOnlyList<string>? Dissociated = null, bool ViewerMayWithdraw = false,
    string? WithdrawnBecause = null);

/// <summary>A response; <paramref name="OnBehalfOf"/> is the diplomat the secretariat answers for.</summary>
public sealed record ApprovalAnswer(string? Kind, string? Reason, string? ProposedText, string? OnBehalfOf = null);

/// <summary>Approval rounds for their page: reading one, answering for one's government, moving its deadline, withdrawing the text.</summary>
public interface IApprovalsPort
{
    /// <summary>The round, for the diplomats it asks, the instance's task force, chairs and the secretariat.</summary>
    Task<Seen<ApprovalPageView>> GetAsync(string roundId, string viewerEmail, CancellationToken ct);

    Task<ActResult> RespondAsync(string roundId, string viewerEmail, ApprovalAnswer answer, CancellationToken ct);

    Task<ActResult> ExtendAsync(string roundId, string viewerEmail, DeadlineExtension extension, CancellationToken ct);

    Task<ActResult> WithdrawAsync(string roundId, string viewerEmail, string reason, CancellationToken ct);
}
