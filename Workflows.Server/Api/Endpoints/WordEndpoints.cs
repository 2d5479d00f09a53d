using System.Security.Claims;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Word;
using FocWorkflows.Server.Deliberation.Word.Writing;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence.Deliberation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

/// <summary>
/// Texts out to Word: any draft version, the redline between two (with tracked changes), the
/// comment-resolution matrix and the publication, each as a .docx, for whoever may read them on the web.
/// Dates in a document are in the caller's time zone.
/// </summary>
public static class WordEndpoints
{
    public static void MapWordDownloads(this IEndpointRouteBuilder api)
    {
        api.MapGet("/instances/{id}/drafts/{number:int}.docx", Draft).WithTags("Drafts")
            .ProducesFile(WordConventions.DocxMediaType).ProducesProblems(403, 404)
            .WithSummary("One version as a Word document, its paragraphs numbered as in the product; uploaded again it gives the same paragraphs.");
        api.MapGet("/instances/{id}/drafts/{from:int}/diff/{to:int}.docx", Redline).WithTags("Drafts")
            .ProducesFile(WordConventions.DocxMediaType).ProducesProblems(403, 404)
            .WithSummary("The redline between two versions as a Word document with tracked changes, attributed to the later version's author and time.");
        api.MapGet("/consultations/{id}/draft.docx", ConsultedDraft).WithTags("Consultations").RequireAuthorization(Policies.AdvisorLinkOrAccount)
            .ProducesFile(WordConventions.DocxMediaType).ProducesProblems(403, 404)
            .WithSummary("The version the consultation is on, as a Word document; also for an advisor's link (?token= or X-Advisor-Token).");
        api.MapGet("/consultations/{id}/dispositions.docx", Matrix).WithTags("Dispositions")
            .ProducesFile(WordConventions.DocxMediaType).ProducesProblems(403, 404)
            .WithSummary("The comment-resolution matrix as a Word table (landscape, header row on every page).");
        api.MapGet("/publications/{id}.docx", Publication).WithTags("Publications").AllowAnonymous()
            .ProducesFile(WordConventions.DocxMediaType).ProducesProblems(404)
            .WithSummary("The publication as a Word document: title, release date, the numbered text, signatories, translations. Public once released.");
    }

    private static async Task<FileContentHttpResult> Draft(string id, int number, ClaimsPrincipal user, InstanceAccess access, DraftStore drafts,
        IDirectory directory, CancellationToken ct)
    {
        var version = await DraftsEndpoints.FindAsync(drafts, id, number, ct);
        var viewer = await access.CallerAsync(user, ct);
        DraftsEndpoints.RequireVisible(await access.VisibleDraftsAsync(viewer, id, ct), number);
        return Docx(DraftDocx.Write(version, await AuthorAsync(version, directory, ct), TimeZones.Find(viewer?.TimeZone)), FileName(version, null));
    }

    private static async Task<FileContentHttpResult> Redline(string id, int from, int to, ClaimsPrincipal user, InstanceAccess access,
        DraftStore drafts, IDirectory directory, CancellationToken ct)
    {
        var a = await DraftsEndpoints.FindAsync(drafts, id, from, ct);
        var b = await DraftsEndpoints.FindAsync(drafts, id, to, ct);
        var viewer = await access.CallerAsync(user, ct);
        var visible = await access.VisibleDraftsAsync(viewer, id, ct);
        DraftsEndpoints.RequireVisible(visible, from);
        DraftsEndpoints.RequireVisible(visible, to);
        return Docx(RedlineDocx.Write(a, b, await AuthorAsync(b, directory, ct), TimeZones.Find(viewer?.TimeZone)), FileName(b, a.Number));
    }

    private static async Task<FileContentHttpResult> ConsultedDraft(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore consultations,
        DraftStore drafts, IDirectory directory, CancellationToken ct)
    {
        var consultation = await ConsultationsEndpoints.VisibleAsync(id, user, access, consultations, ct);
        var version = consultation.DraftVersion is { } number ? await drafts.GetAsync(consultation.InstanceId, number, ct) : null;
        if (version is null) throw WorkflowProblem.NotFound("Draft version", $"consultation {id}");
        var viewer = await access.CallerAsync(user, ct);
        return Docx(DraftDocx.Write(version, await AuthorAsync(version, directory, ct), TimeZones.Find(viewer?.TimeZone)), FileName(version, null));
    }

    private static async Task<FileContentHttpResult> Matrix(string id, ClaimsPrincipal user, InstanceAccess access, ConsultationStore store,
        IDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var (consultation, rows) = await DispositionsEndpoints.BuildAsync(id, user, access, store, directory, ct);
        var viewer = await access.CallerAsync(user, ct);
        return Docx(MatrixDocx.Write(consultation.Title, rows, time.GetUtcNow(), TimeZones.Find(viewer?.TimeZone)), $"dispositions-{id}.docx");
    }

    private static async Task<FileContentHttpResult> Publication(string id, ClaimsPrincipal user, InstanceAccess access, PublicationStore publications,
        CancellationToken ct)
    {
        var publication = await PublicationsEndpoints.VisibleAsync(id, user, access, publications, ct);
        var names = await publications.GovernmentNamesAsync(ct);
        var viewer = await access.CallerAsync(user, ct);
        var docx = PublicationDocx.Write(publication, [.. publication.Signatories.Select(Government)], [.. publication.Dissociated.Select(Government)],
            await publications.TranslationsAsync(id, ct), TimeZones.Find(viewer?.TimeZone));
        return Docx(docx, $"{Slug(publication.Title)}.docx");

        string Government(string code) => names.TryGetValue(code, out var name) ? name : code;
    }

    /// <summary>Who wrote a version: the pen-holder the secretariat acted for, else the sender; by name when the directory knows them.</summary>
    private static async Task<string> AuthorAsync(DraftVersion version, IDirectory directory, CancellationToken ct)
    {
        var email = version.OnBehalfOf ?? version.SubmittedBy;
        return (await directory.FindPersonAsync(email, ct))?.Name ?? email;
    }

    private static FileContentHttpResult Docx(byte[] bytes, string fileName) => TypedResults.File(bytes, WordConventions.DocxMediaType, fileName);

    private static string FileName(DraftVersion version, int? from) =>
        from is { } f ? $"{Slug(version.Title)}-v{f}-to-v{version.Number}-redline.docx" : $"{Slug(version.Title)}-v{version.Number}.docx";

    /// <summary>A file name a reader recognises, in the text's own words, safe on every system.</summary>
    private static string Slug(string title)
    {
        var slug = new string([.. title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        slug = slug.Trim('-');
        return slug.Length == 0 ? "text" : slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }
}
