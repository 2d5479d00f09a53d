namespace FocWorkflows.Designer.Ports;

/// <summary>Whom the page speaks to: deadlines are shown in their time zone and, where Humanizer has it, their language.</summary>
public sealed record AdvisorReader(string Name, string Email, string TimeZone, string Language);

/// <summary>One numbered paragraph of the draft, as HTML the server has already sanitized.</summary>
public sealed record AdvisorParagraph(int Number, string Html);

/// <summary>A comment the advisor sent earlier.</summary>
public sealed record AdvisorComment(string Id, int Paragraph, string? Quote, string Text, DateTimeOffset CreatedAt);

/// <summary>The consultation as its advisor sees it through their link.</summary>
public sealed record AdvisorConsultation(
    string Id,
    string Title,
    AdvisorReader Reader,
    int? DraftVersion,
    DateTimeOffset ClosesAt,
    bool AcceptsComments,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<AdvisorParagraph> Paragraphs,
    IReadOnlyList<AdvisorComment> MyComments);

public enum AdvisorPageProblemKind { InvalidLink, ExpiredLink, NotFound, NotInAudience, Closed, RevokedLink }

/// <summary>
/// Why the page cannot be used; <paramref name="Reader"/> is known when the link was authentic. For a withdrawn link,
/// <paramref name="At"/> is when it was withdrawn and <paramref name="Contact"/> whom to write to ("Name (e-mail)").
/// </summary>
public sealed record AdvisorPageProblem(AdvisorPageProblemKind Kind, string Detail, DateTimeOffset? At = null, AdvisorReader? Reader = null,
    string? Contact = null);

/// <summary>The page's content at <paramref name="Now"/>: the consultation, or the problem that replaces it.</summary>
public sealed record AdvisorConsultationView(DateTimeOffset Now, AdvisorConsultation? Consultation, AdvisorPageProblem? Problem)
{
    public static AdvisorConsultationView Of(DateTimeOffset now, AdvisorConsultation consultation) => new(now, consultation, null);

    public static AdvisorConsultationView Refused(DateTimeOffset now, AdvisorPageProblem problem) => new(now, null, problem);
}

/// <summary>A comment as the form sends it; the key makes a re-sent form (a refresh, a double click) count once.</summary>
public sealed record AdvisorCommentRequest(int Paragraph, string? Quote, string Text, string? IdempotencyKey);

/// <summary>The comment stored, or field errors (keyed by the form's field names), or a problem with the link or the window.</summary>
public sealed record CommentResult(AdvisorComment? Comment, IReadOnlyDictionary<string, string> FieldErrors, AdvisorPageProblem? Problem)
{
    public static CommentResult Posted(AdvisorComment comment) => new(comment, new Dictionary<string, string>(), null);

    public static CommentResult Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors, null);

    public static CommentResult Refused(AdvisorPageProblem problem) => new(null, new Dictionary<string, string>(), problem);
}

/// <summary>
/// What the advisor's comment page needs from the server: the token of the link is checked on every
/// call (it names one advisor and one consultation), so the page holds no session of its own.
/// </summary>
public interface IAdvisorConsultationPort
{
    Task<AdvisorConsultationView> OpenAsync(string consultationId, string? token, CancellationToken ct);

    Task<CommentResult> CommentAsync(string consultationId, string? token, AdvisorCommentRequest comment, CancellationToken ct);

    /// <summary>The page for a signed-in member of the audience who came without a link: the session names them instead of a token.</summary>
    Task<AdvisorConsultationView> OpenSignedInAsync(string consultationId, string email, CancellationToken ct);

    Task<CommentResult> CommentSignedInAsync(string consultationId, string email, AdvisorCommentRequest comment, CancellationToken ct);
}
