namespace FocWorkflows.Designer.Ports;

/// <summary>One line of the comment-resolution matrix; the decision in the API's camelCase.</summary>
public sealed record DispositionRow(int Number, string CommentId, string Author, string? Organisation, int? DraftVersion, int Paragraph,
    string? Quote, string Comment, string? Decision, string? Reason, string? DisposedBy);

/// <summary>
/// The consultation's comment window: when it closes (or closed, why), and whether the viewer may
/// steer it (extend, close early): chairs, co-chairs, the secretariat and the task force's pen-holders.
/// </summary>
public sealed record ConsultationWindowView(DateTimeOffset ClosesAt, bool Open, DateTimeOffset? ClosedAt, string? CloseReason, bool MaySteer);

/// <summary>Someone of the consultation's audience, who was sent a link; <paramref name="WithdrawnAt"/> when theirs was withdrawn.</summary>
public sealed record AdvisorLinkLine(string Email, string Name, DateTimeOffset? WithdrawnAt);

/// <summary>One use of a link: whose, when, from which address, through the page or the API, and whether it was let in.</summary>
public sealed record LinkUseLine(string Email, DateTimeOffset At, string? Address, string Via, string Outcome);

/// <summary>The consultation's links as the secretariat manages them: the audience's, every link withdrawn or not, the latest uses.</summary>
public sealed record AdvisorLinksView(IReadOnlyList<AdvisorLinkLine> Audience, DateTimeOffset? AllWithdrawnAt, IReadOnlyList<LinkUseLine> Uses);

/// <summary>
/// The matrix, and whether the viewer may dispose: a pen-holder, or the secretariat for one of
/// <paramref name="OnBehalfOptions"/> (the pen-holders).
/// </summary>
/// <param name="DecisionsOpen">Whether the workflow's disposition step is waiting for decisions now.</param>
/// <param name="Links">The advisors' links, for the secretariat only.</param>
public sealed record DispositionsView(string ConsultationId, string Title, bool MayDispose, IReadOnlyList<DispositionRow> Rows,
    ConsultationWindowView? Window = null, IReadOnlyList<OnBehalfOption>? OnBehalfOptions = null, bool DecisionsOpen = true,
    AdvisorLinksView? Links = null);

/// <summary>A decision; <paramref name="OnBehalfOf"/> is the pen-holder the secretariat decides for.</summary>
public sealed record DispositionChoice(string? Decision, string? Reason, string? OnBehalfOf = null);

/// <summary>
/// A consultation as those who run it follow it: its window (extended or closed early from here)
/// and the pen-holders' answers to its comments.
/// </summary>
public interface IDispositionsPort
{
    /// <summary>The matrix names every commenter: for the instance's task force, chairs and the secretariat.</summary>
    Task<Seen<DispositionsView>> GetAsync(string consultationId, string viewerEmail, CancellationToken ct);

    Task<ActResult> DisposeAsync(string consultationId, string commentId, string viewerEmail, DispositionChoice choice, CancellationToken ct);

    Task<ActResult> ExtendAsync(string consultationId, string viewerEmail, DeadlineExtension extension, CancellationToken ct);

    Task<ActResult> CloseAsync(string consultationId, string viewerEmail, string reason, CancellationToken ct);

    /// <summary>The secretariat withdraws <paramref name="advisor"/>'s link, or every link when null, as <c>POST /api/consultations/{id}/links/revoke</c>.</summary>
    Task<ActResult> RevokeLinksAsync(string consultationId, string viewerEmail, string? advisor, string? reason, CancellationToken ct);
}

/// <summary>The decisions as the form offers them; the server checks the same rule again.</summary>
public static class DispositionDecisionNames
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
        [("accepted", "Accepted"), ("partiallyAccepted", "Partially accepted"), ("notAccepted", "Not accepted"), ("noted", "Noted")];

    public static bool NeedsReason(string? decision) => decision is "notAccepted" or "partiallyAccepted";

    public static string Label(string? decision) => All.FirstOrDefault(d => d.Value == decision).Label ?? decision ?? "";
}
