using FocWorkflows.Server.Deliberation.Directory;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary><see cref="Withdrawn"/>: a chair took the text back; its comments stay on record, unanswered by this workflow.</summary>
public enum ConsultationStatus { Open, Closed, Withdrawn }

/// <summary>
/// A time-boxed window in which an audience comments on a draft. The audience is a snapshot taken
/// when the window opens, so later directory changes never widen or narrow who may comment.
/// </summary>
public sealed class Consultation
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string NodeId { get; init; }
    public required string Title { get; set; }

    /// <summary>The draft version the window opened on, when known.</summary>
    public int? DraftVersion { get; init; }

    /// <summary>Lower-case e-mails of everyone who may comment.</summary>
    public List<string> Audience { get; set; } = [];
    public AudienceKind AudienceKind { get; init; }
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; set; }
    public ConsultationStatus Status { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Who closed it early, or <c>system</c> when the deadline closed it.</summary>
    public string? ClosedBy { get; set; }
    public string? CloseReason { get; set; }

    public bool Includes(string email) => Audience.Contains(email.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Open and before its deadline: the deadline is exact even before its timer fires.</summary>
    public bool AcceptsCommentsAt(DateTimeOffset now) => Status == ConsultationStatus.Open && now < ClosesAt;
}

/// <summary>
/// A comment, anchored to a draft version and a paragraph (optionally a quoted passage) so it never
/// orphans when the text changes. Comments are appends: they never change the flow.
/// </summary>
public sealed class Comment
{
    /// <summary>The longest comment text accepted, by the API and the advisor's page alike.</summary>
    public const int MaxTextLength = Limits.Text;

    public required string Id { get; init; }
    public required string ConsultationId { get; init; }
    public required string InstanceId { get; init; }

    /// <summary>Who sent it: the commenter, or the secretariat when it acted for them.</summary>
    public required string Author { get; init; }

    /// <summary>The commenter the secretariat acted for, if it did.</summary>
    public string? OnBehalfOf { get; init; }
    public int? DraftVersion { get; init; }
    public int Paragraph { get; init; }
    public string? Quote { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The person whose comment this is.</summary>
    public string Commenter => OnBehalfOf ?? Author;
}

public enum DispositionDecision { Accepted, PartiallyAccepted, NotAccepted, Noted }

/// <summary>The pen-holder's answer to one comment; one per comment, changeable while the step is open.</summary>
public sealed class Disposition
{
    public required string CommentId { get; init; }
    public required string ConsultationId { get; init; }
    public DispositionDecision Decision { get; set; }
    public string? Reason { get; set; }
    public required string By { get; set; }
    public string? OnBehalfOf { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The field errors of an answer; a refusal (even a partial one) must say why.</summary>
    public static Dictionary<string, string[]> Problems(DispositionDecision? decision, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (decision is null)
            errors["decision"] = ["Choose one of: accepted, partiallyAccepted, notAccepted, noted."];
        else if ((decision is DispositionDecision.NotAccepted or DispositionDecision.PartiallyAccepted) && string.IsNullOrWhiteSpace(reason))
            errors["reason"] = ["A reason is required when a comment is not or only partially accepted."];
        Limits.Check(errors, "reason", reason, Limits.Reason);
        return errors;
    }
}

/// <summary>Bookmark kinds and journal events of consultations; stored in instances, so they never change.</summary>
public static class ConsultationEvents
{
    public const string DeadlineBookmark = "deliberation.consultation";
    public const string ReminderBookmark = "deliberation.consultation-reminder";
    public const string DispositionBookmark = "deliberation.disposition";

    public const string Opened = "consultation-opened";
    public const string Closed = "consultation-closed";
    public const string Extended = "consultation-extended";
    public const string Withdrawn = "consultation-withdrawn";
    public const string RemindersSent = "reminders-sent";
    public const string Commented = "comment-added";
    public const string CommentDisposed = "comment-disposed";
}
