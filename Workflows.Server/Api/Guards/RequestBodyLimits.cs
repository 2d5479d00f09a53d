using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FocWorkflows.Server.Api.Guards;

/// <summary>
/// Judges a request's body before any endpoint reads it, so a refusal is quick and nothing is
/// written: larger than <see cref="Limits.RequestBodyBytes"/> (or the endpoint's own limit) is 413;
/// on the API, anything but JSON in UTF-8 is 415 and JSON nested deeper than <see cref="Limits.JsonDepth"/>
/// is 400. Malformed JSON is left to the endpoint, which names what is wrong in its own terms.
/// </summary>
internal sealed class RequestBodyLimits(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var hasBody = HasBody(http);
        // The interactive pages' circuit has its own message limits.
        if (request.Path.StartsWithSegments("/_blazor") || !(hasBody || (request.ContentType is not null && IsWrite(request))))
        {
            await next(http);
            return;
        }
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? Limits.RequestBodyBytes;
        if (request.ContentLength > limit)
        {
            await RefuseAsync(http, TooLarge(limit));
            return;
        }
        if (!request.Path.StartsWithSegments("/api"))
        {
            await next(http); // page forms: Kestrel's limit (the same) holds a body without a length
            return;
        }
        // An endpoint that declares another type (a Word document's upload) reads it itself, under the same limit.
        var declared = DeclaresOwnType(http);
        // Judged even for an empty body: the JSON readers look at the charset before they find nothing to read.
        if (!declared && MediaTypeProblem(request) is { } unsupported)
        {
            await RefuseAsync(http, unsupported);
            return;
        }
        if (!hasBody)
        {
            await next(http);
            return;
        }
        // Buffered here, under the limit, whatever the server: a chunked body has no length to judge up front.
        var body = await ReadAsync(request.Body, limit, http.RequestAborted);
        if (body is null)
        {
            await RefuseAsync(http, TooLarge(limit));
            return;
        }
        if (!declared && TooDeep(body))
        {
            await RefuseAsync(http, ProblemMapping.Build(400, "JSON too deep", $"JSON may nest at most {Limits.JsonDepth} levels.", "malformed-request", null));
            return;
        }
        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        await next(http);
    }

    /// <summary>The request is of a type its endpoint declares it accepts (<c>Accepts</c>) other than JSON.</summary>
    private static bool DeclaresOwnType(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
        && MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
        && !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && accepts.ContentTypes.Any(accepted => type.MediaType.Equals(accepted, StringComparison.OrdinalIgnoreCase));

    // HTTP/2 and HTTP/3 send a body of unknown length without Transfer-Encoding: the server knows whether one comes.
    private static bool HasBody(HttpContext http) =>
        http.Request.ContentLength > 0 || (http.Request.ContentLength is null
            && (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? http.Request.Headers.TransferEncoding.Count > 0));

    private static bool IsWrite(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    /// <summary>
    /// JSON (<c>application/json</c> or <c>application/*+json</c>) in UTF-8, the only encoding RFC 8259 allows between
    /// systems. A quoted <c>charset="utf-8"</c> is legal: it is rewritten plainly, as the JSON readers expect it.
    /// </summary>
    private static ProblemDetails? MediaTypeProblem(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || (type.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))))
            return Unsupported($"Send JSON (application/json), not '{request.ContentType}'.");
        if (type.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(type.Charset);
            if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                return Unsupported($"Send JSON in UTF-8; charset '{charset}' is not accepted.");
            request.ContentType = $"{type.MediaType}; charset=utf-8";
        }
        return null;
    }

    private static ProblemDetails Unsupported(string detail) =>
        ProblemMapping.Build(415, "Unsupported media type", detail, "unsupported-media-type",
            new Dictionary<string, string[]> { [HeaderNames.ContentType] = ["must be application/json; charset=utf-8."] });

    private static ProblemDetails TooLarge(long limit) =>
        ProblemMapping.Build(413, "Request too large", $"A request body may be at most {limit / 1024} KB.", "too-large", null);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool TooDeep(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        // The reader's own depth limit is set far above ours, so running out of it is never mistaken for malformed JSON.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = Limits.JsonDepth * 4 });
        try
        {
            while (reader.Read())
                if (reader.CurrentDepth >= Limits.JsonDepth) return true;
        }
        catch (JsonException)
        {
            // Malformed: the endpoint reads it and says where.
        }
        return false;
    }

    private static Task RefuseAsync(HttpContext http, ProblemDetails problem) => ProblemMapping.WriteAsync(http, problem);
}

public static class RequestBodyLimitsExtensions
{
    /// <summary>Refuses oversized, non-JSON or too deeply nested bodies before any endpoint reads them.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimits>();
}
