using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.Designer;

/// <summary>
/// The server's side of the advisor's comment page. Every call checks the link again through the same gate as the
/// API (signature, expiry, withdrawal; the use is recorded), then its one consultation and the audience snapshot, and
/// comments go through the same <see cref="CommentWriter"/> as the API, so the page can do nothing the API would refuse.
/// </summary>
internal sealed class AdvisorConsultationPort(AdvisorLinkGate gate, IHttpContextAccessor http, ConsultationStore consultations, DraftStore drafts,
    CommentWriter writer, IDirectory directory, TimeProvider time) : IAdvisorConsultationPort
{
    private static readonly object AdmissionKey = new();

    private sealed record Admission(Consultation Consultation, AdvisorReader Reader, DraftVersion? Draft, IReadOnlyList<Paragraph> Paragraphs);

    public Task<AdvisorConsultationView> OpenAsync(string consultationId, string? token, CancellationToken ct) =>
        OpenAsync(AdmitAsync(consultationId, token, ct), ct);

    public Task<AdvisorConsultationView> OpenSignedInAsync(string consultationId, string email, CancellationToken ct) =>
        OpenAsync(AdmitSignedInAsync(consultationId, email, ct), ct);

    public Task<CommentResult> CommentAsync(string consultationId, string? token, AdvisorCommentRequest comment, CancellationToken ct) =>
        CommentAsync(AdmitAsync(consultationId, token, ct), comment, ct);

    public Task<CommentResult> CommentSignedInAsync(string consultationId, string email, AdvisorCommentRequest comment, CancellationToken ct) =>
        CommentAsync(AdmitSignedInAsync(consultationId, email, ct), comment, ct);

    private async Task<AdvisorConsultationView> OpenAsync(Task<(Admission?, AdvisorPageProblem?)> admit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (admission, problem) = await admit;
        if (admission is null) return AdvisorConsultationView.Refused(now, problem!);

        var (consultation, reader, draft, paragraphs) = admission;
        var mine = (await consultations.CommentsAsync(consultation.Id, ct))
            .Where(c => string.Equals(c.Commenter, reader.Email, StringComparison.OrdinalIgnoreCase))
            .Select(ToView).ToList();
        return AdvisorConsultationView.Of(now, new AdvisorConsultation(consultation.Id, consultation.Title, reader,
            draft?.Number ?? consultation.DraftVersion, consultation.ClosesAt, consultation.AcceptsCommentsAt(now), consultation.ClosedAt,
            [.. paragraphs.Select(p => new AdvisorParagraph(p.Number, DraftHtml.Render(p.Markdown)))], mine));
    }

    private async Task<CommentResult> CommentAsync(Task<(Admission?, AdvisorPageProblem?)> admit, AdvisorCommentRequest comment, CancellationToken ct)
    {
        var (admission, problem) = await admit;
        if (admission is null) return CommentResult.Refused(problem!);
        var (consultation, reader, draft, _) = admission;
        if (!consultation.AcceptsCommentsAt(time.GetUtcNow())) return CommentResult.Refused(Closed(consultation, reader));
        // The page writes the key in a hidden field; one that is not a key was not written by the page.
        if (!string.IsNullOrWhiteSpace(comment.IdempotencyKey) && !Identifiers.IsIdempotencyKey(comment.IdempotencyKey.Trim()))
            return CommentResult.Invalid(new Dictionary<string, string> { [nameof(AdvisorCommentRequest.Text)] = "This form is damaged. Reload the page and write your comment again." });

        try
        {
            // The writer checks paragraph, quote and text (CommentRules) against this draft version, as for the API.
            var (stored, _) = await writer.AddAsync(new NewComment(consultation.Id, reader.Email, null, comment.Paragraph, comment.Quote,
                comment.Text?.Trim(), draft?.Number ?? consultation.DraftVersion), string.IsNullOrWhiteSpace(comment.IdempotencyKey) ? null : comment.IdempotencyKey.Trim(), ct);
            return CommentResult.Posted(ToView(stored));
        }
        catch (WorkflowProblem refused)
        {
            // The writer re-checks the window and the audience inside its transaction: a close may have won the race.
            return refused.Kind switch
            {
                ProblemKind.Conflict => CommentResult.Refused(Closed(await consultations.FindAsync(consultation.Id, ct) ?? consultation, reader)),
                ProblemKind.Forbidden => CommentResult.Refused(new AdvisorPageProblem(AdvisorPageProblemKind.NotInAudience, refused.Message, Reader: reader)),
                ProblemKind.NotFound => CommentResult.Refused(new AdvisorPageProblem(AdvisorPageProblemKind.NotFound, "This consultation no longer exists.", Reader: reader)),
                ProblemKind.Invalid => CommentResult.Invalid(refused.Errors.ToDictionary(e => FormField(e.Key), e => string.Join(" ", e.Value))),
                // The idempotency key: this form was sent before with other text (back button, edit, resend).
                _ => CommentResult.Invalid(new Dictionary<string, string>
                {
                    [nameof(AdvisorCommentRequest.Text)] = "This form was already sent with a different comment. Reload the page to send another one.",
                }),
            };
        }
    }

    private async Task<(Admission?, AdvisorPageProblem?)> AdmitAsync(string consultationId, string? token, CancellationToken ct)
    {
        var admission = await AdmitLinkAsync(token, ct);
        if (admission.Admitted is not { } grant)
        {
            return admission switch
            {
                { Revocation: { } revoked, Authentic: { } whose } => (null, new AdvisorPageProblem(AdvisorPageProblemKind.RevokedLink, admission.Problem!,
                    revoked.RevokedAt, await ReaderAsync(whose.Email, ct), admission.Contact)),
                { Authentic: { } expired } => (null, new AdvisorPageProblem(AdvisorPageProblemKind.ExpiredLink, admission.Problem!, expired.ExpiresAt,
                    await ReaderAsync(expired.Email, ct))),
                _ => (null, new AdvisorPageProblem(AdvisorPageProblemKind.InvalidLink, admission.Problem!)),
            };
        }
        if (!string.Equals(grant.ConsultationId, consultationId, StringComparison.Ordinal))
            return (null, new AdvisorPageProblem(AdvisorPageProblemKind.InvalidLink, "This link opens another consultation."));
        if (await ReaderAsync(grant.Email, ct) is not { } reader)
            return (null, new AdvisorPageProblem(AdvisorPageProblemKind.InvalidLink, "The person this link was issued to is no longer in the directory."));
        return await AdmitReaderAsync(consultationId, reader, ct);
    }

    /// <summary>One use per request: a posted comment reloads the page with the same token, and that is one visit.</summary>
    private async Task<AdvisorLinkAdmission> AdmitLinkAsync(string? token, CancellationToken ct)
    {
        var context = http.HttpContext;
        if (context?.Items[AdmissionKey] is AdvisorLinkAdmission earlier) return earlier;
        var admission = await gate.AdmitAsync(token, context?.Connection.RemoteIpAddress?.ToString(), "page", ct);
        if (context is not null) context.Items[AdmissionKey] = admission;
        return admission;
    }

    // The session vouches for the person as the token would; the audience check is the same.
    private async Task<(Admission?, AdvisorPageProblem?)> AdmitSignedInAsync(string consultationId, string email, CancellationToken ct) =>
        await ReaderAsync(email, ct) is { } reader
            ? await AdmitReaderAsync(consultationId, reader, ct)
            : (null, new AdvisorPageProblem(AdvisorPageProblemKind.NotInAudience, "You are not in the directory."));

    private async Task<(Admission?, AdvisorPageProblem?)> AdmitReaderAsync(string consultationId, AdvisorReader reader, CancellationToken ct)
    {
        if (await consultations.FindAsync(consultationId, ct) is not { } consultation)
            return (null, new AdvisorPageProblem(AdvisorPageProblemKind.NotFound, "This consultation no longer exists.", Reader: reader));
        if (!consultation.Includes(reader.Email))
            return (null, new AdvisorPageProblem(AdvisorPageProblemKind.NotInAudience, "You are not in this consultation's audience.", Reader: reader));

        var draft = consultation.DraftVersion is { } number
            ? await drafts.GetAsync(consultation.InstanceId, number, ct)
            : await drafts.LatestAsync(consultation.InstanceId, ct);
        return (new Admission(consultation, reader, draft, draft is null ? [] : Paragraphs.Of(draft.Markdown)), null);
    }

    private async Task<AdvisorReader?> ReaderAsync(string email, CancellationToken ct) =>
        await directory.FindPersonAsync(email, ct) is { } person
            ? new AdvisorReader(person.Name, person.Email, person.TimeZone, person.Language)
            : null;

    private static AdvisorPageProblem Closed(Consultation consultation, AdvisorReader reader) =>
        new(AdvisorPageProblemKind.Closed, "The consultation is closed.", consultation.ClosedAt ?? consultation.ClosesAt, reader);

    /// <summary>The rules' field names (the API's) as the form's: <c>quote</c> is <c>Quote</c>.</summary>
    private static string FormField(string apiField) => char.ToUpperInvariant(apiField[0]) + apiField[1..];

    private static AdvisorComment ToView(Comment c) => new(c.Id, c.Paragraph, c.Quote, c.Text, c.CreatedAt);
}
