namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>How members approve a text (DOMAIN.md, "Member approval").</summary>
public enum ApprovalMode
{
    /// <summary>Adopted at the deadline unless a member objects in writing; an objection breaks silence.</summary>
    Silence,

    /// <summary>Every member endorses or explicitly does not object; any objection blocks.</summary>
    Consensus,

    /// <summary>Members opt in as signatories until the deadline.</summary>
    SignOn,

    /// <summary>A vote with a quorum and a threshold, for procedural decisions.</summary>
    Majority,
}

public enum ApprovalStatus { Open, Closed }

/// <summary>How a round ended; <see cref="Withdrawn"/>: a chair took the text back before the members decided.</summary>
public enum ApprovalResult { Adopted, NotAdopted, Withdrawn }

/// <summary>Why a round ended as it did; recorded with the result.</summary>
public enum ApprovalReason
{
    SilenceHeld,
    SilenceBroken,
    ConsensusReached,
    Blocked,
    NoConsensus,
    Signed,
    NoSignatories,
    MajorityInFavour,
    Rejected,
    NoQuorum,
    Withdrawn,
}

/// <summary>
/// One approval round of a workflow step: who is asked (the member governments, snapshot at
/// opening), how (the mode), until when, and, once closed, the result and why.
/// Extensions are recorded in the instance's journal (<c>approval-extended</c>).
/// </summary>
public sealed class ApprovalRound
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string NodeId { get; init; }
    public string? TaskForceId { get; init; }
    public required string Title { get; set; }
    public ApprovalMode Mode { get; init; }

    /// <summary>The draft version the round approves, when the workflow says which.</summary>
    public int? DraftVersion { get; init; }

    /// <summary>ISO 3166 alpha-2 codes of the governments asked, fixed when the round opens.</summary>
    public List<string> AudienceGovernments { get; init; } = [];
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset Deadline { get; set; }

    /// <summary>Majority only: the share of the audience (0..1) that must respond for the vote to count.</summary>
    public double? Quorum { get; init; }

    /// <summary>Majority only: adopted when yes &gt; threshold × (yes + no).</summary>
    public double Threshold { get; init; } = 0.5;

    public ApprovalStatus Status { get; set; } = ApprovalStatus.Open;
    public ApprovalResult? Result { get; set; }
    public ApprovalReason? ResultReason { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Who withdrew the round (a chair, co-chair or the secretariat); null when its rules or its deadline closed it.</summary>
    public string? ClosedBy { get; set; }

    /// <summary>Why the round was withdrawn; also journaled.</summary>
    public string? CloseReason { get; set; }

    /// <summary>The governments that signed (sign-on) or endorsed / did not object (other modes), set at closing.</summary>
    public List<string> Signatories { get; set; } = [];

    public bool AcceptsResponsesAt(DateTimeOffset now) => Status == ApprovalStatus.Open && now < Deadline;

    /// <summary>A chair takes the text back: the round ends without a decision by the members.</summary>
    public void Withdraw(string by, string reason, DateTimeOffset now)
    {
        Status = ApprovalStatus.Closed;
        Result = ApprovalResult.Withdrawn;
        ResultReason = ApprovalReason.Withdrawn;
        Signatories = [];
        ClosedAt = now;
        ClosedBy = by;
        CloseReason = reason;
    }

    public void Close(ApprovalVerdict verdict, IReadOnlyList<string> signatories, DateTimeOffset now)
    {
        Status = ApprovalStatus.Closed;
        Result = verdict.Result;
        ResultReason = verdict.Reason;
        Signatories = [.. signatories];
        ClosedAt = now;
    }
}
