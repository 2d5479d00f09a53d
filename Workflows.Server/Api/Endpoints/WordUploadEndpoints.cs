using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation.Word;
using FocWorkflows.Server.Deliberation.Word.Reading;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

/// <summary>
/// A Word document in as the next draft version. What Word holds and a draft cannot (images, comments,
/// tracked changes still pending) is listed and the version is stored only once the uploader confirms;
/// a file we will not read (not a .docx, encrypted, with macros, too large, a zip bomb) stores nothing.
/// </summary>
public static class WordUploadEndpoints
{
    public const string FileField = "file";

    public static void MapWordUploads(this IEndpointRouteBuilder api)
    {
        api.MapPost("/instances/{id}/drafts/docx", Upload).WithTags("Drafts")
            .Accepts<IFormFile>("multipart/form-data")
            // Room for the form around a document somewhat over the limit, so the refusal can name the document;
            // a larger request is refused (413) before it is read.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(WordConventions.MaxUploadBytes + 2 * 1024 * 1024))
            .ProducesProblems(400, 403, 404, 409, 413, 415, 422)
            .WithSummary("A pen-holder submits the next version as a .docx (multipart/form-data: file; optional title, note, onBehalfOf, confirm). "
                + "When content cannot be kept, 422 lists it and nothing is stored until sent again with confirm=true. "
                + "413 over 10 MB; 415 for other files and macro-enabled documents; 422 for encrypted, damaged or zip-bomb files. Accepts Idempotency-Key.");
    }

    private static async Task<Created<DraftResponse>> Upload(string id, HttpContext http, IAntiforgery antiforgery, DraftStore drafts,
        SubmitDraft submit, CancellationToken ct)
    {
        if (!await drafts.InstanceExistsAsync(id, ct)) throw WorkflowProblem.NotFound("Instance", id);
        if (!http.Request.HasFormContentType)
            throw new DocxRefused(DocxRefusalKind.NotADocx, $"Send the document as multipart/form-data, in a field named '{FileField}'.");
        await RequireSameSiteAsync(http, antiforgery);
        var form = await ReadFormAsync(http.Request, ct);
        var file = form.Files[FileField] ?? throw WorkflowProblem.Invalid("No document", new Dictionary<string, string[]>
        {
            [FileField] = [$"is required: the .docx, as the multipart/form-data field '{FileField}'."],
        });
        await using var stream = file.OpenReadStream();
        var import = DocxReader.Read(await DocxUpload.ReadBoundedAsync(stream, ct));
        if (!import.HasText) throw WorkflowProblem.Invalid("No text", new Dictionary<string, string[]> { [FileField] = [import.NoTextReason] });
        if (import.Losses.Count > 0 && !Confirmed(http.Request, form)) throw new DocxLossesUnconfirmedException(import);

        var request = new SubmitDraftRequest(import.Markdown, Field(form, "title") ?? import.Title, Field(form, "note"), Field(form, "onBehalfOf"));
        return await DraftsEndpoints.SubmitAsync(id, request, http, submit, ct);
    }

    /// <summary>
    /// A multipart form is one a page on another site can post: with the session cookie (a person in the Designer) it
    /// must carry the antiforgery token. API clients (a bearer token, the development header) send none.
    /// </summary>
    private static async Task RequireSameSiteAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (http.User.Identity?.AuthenticationType != SessionAuthentication.CookieScheme) return;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            throw WorkflowProblem.Forbidden("A document sent with a session cookie must carry the form's antiforgery token.");
        }
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException tooMuch)
        {
            // The form's own limits (its parts, their headers and count), which a document within its limit never reaches.
            throw new DocxRefused(DocxRefusalKind.TooLarge, $"The form could not be read: {tooMuch.Message}");
        }
    }

    private static bool Confirmed(HttpRequest request, IFormCollection form) =>
        string.Equals(Field(form, "confirm") ?? request.Query["confirm"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Field(IFormCollection form, string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value : null;
}

/// <summary>A .docx whose losses the uploader has not confirmed yet: 422 with the list, nothing stored.</summary>
public sealed class DocxLossesUnconfirmedException(DocxImport import)
    : Exception($"Not everything in the document can be kept: {string.Join(" ", import.Losses.Select(l => l.Message))} Send it again with confirm=true to submit the text without them.")
{
    public DocxImport Import { get; } = import;
}
