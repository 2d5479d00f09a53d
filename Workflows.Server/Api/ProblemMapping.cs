using System.Text.Json;
using FocWorkflows.Server.Api.Endpoints;
using FocWorkflows.Server.Deliberation.Word.Reading;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api;

/// <summary>
/// Turns the errors the API expects (bad input, rules, state conflicts) into RFC 9457 problem
/// responses with a stable type and, where it helps, every invalid field. Anything else is a 500
/// with no internals shown, logged with its trace id.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> log) : IExceptionHandler
{
    private const string TypeBase = "https://focworkflows.dev/problems/";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            WorkflowProblem p => Build(StatusOf(p.Kind), p.Title, p.Message, Slug(p.Kind), p.Errors),
            DocxRefused refused => Build(StatusOf(refused.Kind), TitleOf(refused.Kind), refused.Message, SlugOf(refused.Kind),
                new Dictionary<string, string[]> { [WordUploadEndpoints.FileField] = [refused.Message] }),
            DocxLossesUnconfirmedException unconfirmed => WithLosses(Build(422, "Content that cannot be kept", unconfirmed.Message, "docx-not-kept",
                new Dictionary<string, string[]> { ["confirm"] = ["Confirm that the text may be submitted without what is listed in 'losses'."] }), unconfirmed.Import),
            InvalidDefinitionException d => WithFindings(Build(422, "Invalid definition", d.Message, "invalid-definition", null), d.Findings),
            BadHttpRequestException { InnerException: JsonException json } => Build(400, "Malformed JSON", json.Message, "malformed-request", null),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } big => Build(413, "Request too large", big.Message, "too-large", null),
            BadHttpRequestException bad => Build(bad.StatusCode, "Bad request", bad.Message, "malformed-request", null),
            JsonException json => Build(400, "Malformed JSON", json.Message, "malformed-request", null),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
            return false;
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Answers with this problem outside the exception path (a refusal by a middleware): JSON, else its detail as text.</summary>
    public static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
            await http.Response.WriteAsync($"{problem.Title}: {problem.Detail}", http.RequestAborted);
    }

    public static ProblemDetails WithFindings(ProblemDetails problem, IEnumerable<Definitions.Validation.ValidationFinding> findings)
    {
        problem.Extensions["findings"] = findings.ToList();
        problem.Extensions["errors"] = findings.GroupBy(f => f.NodeId ?? f.Path)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        return problem;
    }

    public static ProblemDetails Build(int status, string title, string detail, string slug, IReadOnlyDictionary<string, string[]>? errors)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeBase + slug };
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return problem;
    }

    private static ProblemDetails WithLosses(ProblemDetails problem, DocxImport import)
    {
        problem.Extensions["losses"] = import.Losses;
        problem.Extensions["paragraphs"] = Deliberation.Drafts.Paragraphs.Of(import.Markdown).Count;
        return problem;
    }

    private static int StatusOf(DocxRefusalKind kind) => kind switch
    {
        DocxRefusalKind.TooLarge => 413,
        DocxRefusalKind.NotADocx or DocxRefusalKind.MacroEnabled => 415,
        _ => 422,
    };

    private static string TitleOf(DocxRefusalKind kind) => kind switch
    {
        DocxRefusalKind.TooLarge => "Document too large",
        DocxRefusalKind.NotADocx => "Not a Word document",
        DocxRefusalKind.MacroEnabled => "Document with macros",
        DocxRefusalKind.Encrypted => "Document protected by a password",
        DocxRefusalKind.ZipBomb => "Document expands too far",
        _ => "Damaged document",
    };

    private static string SlugOf(DocxRefusalKind kind) => "docx-" + kind switch
    {
        DocxRefusalKind.TooLarge => "too-large",
        DocxRefusalKind.NotADocx => "not-a-docx",
        DocxRefusalKind.MacroEnabled => "macro-enabled",
        DocxRefusalKind.Encrypted => "encrypted",
        DocxRefusalKind.ZipBomb => "zip-bomb",
        _ => "damaged",
    };

    private static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => 400,
        ProblemKind.Forbidden => 403,
        ProblemKind.NotFound => 404,
        ProblemKind.Conflict => 409,
        _ => 422,
    };

    private static string Slug(ProblemKind kind) => kind switch
    {
        ProblemKind.Invalid => "invalid-request",
        ProblemKind.Forbidden => "forbidden",
        ProblemKind.NotFound => "not-found",
        ProblemKind.Conflict => "conflict",
        _ => "unprocessable",
    };
}
