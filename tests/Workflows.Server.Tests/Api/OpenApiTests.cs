using FocWorkflows.Server.Deliberation.Word;
using FocWorkflows.Server.Tests.Api.Access;

namespace FocWorkflows.Server.Tests.Api;

/// <summary>
/// The OpenAPI document tells a client every answer it has to handle: a success, and each refusal as an RFC 9457
/// problem. Refusals come from the guards every route shares (sign-in, the body guard, the rate limiter) and from
/// each handler's own checks; the access matrix, probed route by route elsewhere, is the independent word on who is refused.
/// </summary>
public sealed class OpenApiTests(ServedOpenApiDocument document) : IClassFixture<ServedOpenApiDocument>
{
    /// <summary>The routes that answer without sign-in (<c>AllowAnonymous</c>): released publications are public.</summary>
    private static readonly HashSet<string> Public =
    [
        "GET /api/publications",
        "GET /api/publications/{id}",
        "GET /api/publications/{id}.docx",
    ];

    /// <summary>Routes with a path parameter that never answer 404, and why.</summary>
    private static readonly Dictionary<string, string> NeverNotFound = new()
    {
        ["POST /api/events/{name}"] = "an event name is no resource: an event nobody waits for resumes nothing and answers 200",
        ["PUT /api/definitions/{id}"] = "saving a draft creates the definition when the id is new",
    };

    [Fact]
    public void Document_EveryApiOperation_DeclaresASuccessResponse()
    {
        var missing = document.Operations.Where(o => !o.Statuses.Any(s => s.StartsWith('2'))).Select(o => o.Key).ToList();

        Assert.NotEmpty(document.Operations);
        AssertNone(missing, "declare no 2xx response");
    }

    [Fact]
    public void Document_OperationThatRequiresSignIn_Declares401()
    {
        var missing = document.Operations.Where(o => !Public.Contains(o.Key) && !o.Declares(401)).Select(o => o.Key).ToList();

        AssertNone(missing, "require sign-in but declare no 401");
    }

    [Fact]
    public void Document_PublicOperation_DeclaresNo401()
    {
        var operations = Public.Select(key => document.Find(key.Split(' ')[0], key.Split(' ')[1])).ToList();

        AssertNone([.. operations.Where(o => o.Declares(401)).Select(o => o.Key)], "answer without sign-in yet declare 401");
    }

    [Fact]
    public void Document_WriteWithABody_DeclaresTheBodyGuardsRefusals()
    {
        var writes = document.Operations.Where(o => o.IsWrite && o.HasBody).ToList();

        var missing = writes.SelectMany(o => new[] { 400, 413, 415 }.Where(s => !o.Declares(s)).Select(s => $"{o.Key} {s}")).ToList();

        Assert.NotEmpty(writes);
        AssertNone(missing, "take a body but miss a refusal of the body guard (400 too deep or malformed, 413 too large, 415 not JSON)");
    }

    [Fact]
    public void Document_OperationWithoutABody_DeclaresNo413Or415()
    {
        var wrong = document.Operations.Where(o => !o.HasBody && (o.Declares(413) || o.Declares(415))).Select(o => o.Key).ToList();

        AssertNone(wrong, "take no body yet declare 413 or 415");
    }

    [Fact]
    public void Document_Write_Declares429()
    {
        var missing = document.Operations.Where(o => o.IsWrite && !o.Declares(429)).Select(o => o.Key).ToList();

        AssertNone(missing, "write, which the rate limiter counts, but declare no 429");
    }

    [Fact]
    public void Document_RouteWithAPathParameter_Declares404()
    {
        var missing = document.Operations.Where(o => o.HasPathParameter && !NeverNotFound.ContainsKey(o.Key) && !o.Declares(404))
            .Select(o => o.Key).ToList();

        AssertNone(missing, "name a resource in the path but declare no 404");
    }

    [Fact]
    public void Document_RouteThatNeverAnswers404_DeclaresNo404()
    {
        var wrong = NeverNotFound.Keys.Select(key => document.Find(key.Split(' ')[0], key.Split(' ')[1])).Where(o => o.Declares(404));

        AssertNone([.. wrong.Select(o => o.Key)], "never answer 404 yet declare it");
    }

    [Fact]
    public void Document_Every4xxResponse_IsAProblemWithASchema()
    {
        var wrong = (from o in document.Operations
                     from status in o.Statuses.Where(s => s.StartsWith('4'))
                     let problem = o.Responses[status]?["content"]?["application/problem+json"]
                     where problem?["schema"] is null
                     select $"{o.Key} {status}: {string.Join(", ", o.MediaTypes(status))}").ToList();

        Assert.Contains(document.Operations, o => o.Statuses.Any(s => s.StartsWith('4')));
        AssertNone(wrong, "declare a 4xx that is not application/problem+json with a schema");
    }

    /// <summary>Every refusal the access matrix probes (401 sign in, 403 not allowed, 404 hidden) is one the document declares.</summary>
    [Fact]
    public void Document_RefusalsOfTheAccessMatrix_AreDeclared()
    {
        var missing = new List<string>();
        foreach (var (route, row) in AccessMatrix.Rows.Where(r => r.Key.Contains(" /api/", StringComparison.Ordinal)))
        {
            var (methods, pattern) = (route.Split(' ')[0].Split(','), ApiOperation.DocumentPath(route.Split(' ')[1]));
            foreach (var method in methods)
            {
                var operation = document.Find(method, pattern);
                foreach (var (outcome, status) in new[] { (Outcome.SignIn, 401), (Outcome.No, 403), (Outcome.Nf, 404) })
                    if (row.Expected.Contains(outcome) && !operation.Declares(status)) missing.Add($"{operation.Key} {status} ({row.Rule})");
            }
        }

        AssertNone(missing, "are refused so in the access matrix but do not declare it");
    }

    [Theory]
    [InlineData("GET", "/api/instances", 400)]
    [InlineData("POST", "/api/instances", 400, 403, 404, 422)]
    [InlineData("POST", "/api/instances/{id}/cancel", 400, 403, 404, 409)]
    [InlineData("POST", "/api/instances/{id}/drafts", 400, 403, 404, 409, 422)]
    [InlineData("POST", "/api/instances/{id}/drafts/docx", 400, 403, 404, 409, 413, 415, 422)]
    [InlineData("POST", "/api/definitions/{id}/publish", 403, 404, 409, 422)]
    [InlineData("GET", "/api/definitions/{id}/export", 400, 404)]
    [InlineData("GET", "/api/tasks", 400, 403)]
    [InlineData("POST", "/api/tasks/{id}/complete", 400, 403, 404, 409)]
    [InlineData("POST", "/api/events/{name}", 400, 403, 422)]
    [InlineData("GET", "/api/consultations/{id}", 403, 404, 429)]
    [InlineData("POST", "/api/consultations/{id}/comments", 400, 403, 404, 409, 422, 429)]
    [InlineData("POST", "/api/consultations/{id}/extend", 400, 403, 404, 409)]
    [InlineData("PUT", "/api/consultations/{id}/dispositions/{commentId}", 400, 403, 404, 409)]
    [InlineData("POST", "/api/approvals/{id}/responses", 400, 403, 404, 409)]
    [InlineData("PUT", "/api/publications/{id}/translations/{language}", 400, 403, 404, 409)]
    [InlineData("POST", "/api/outbox/{id}/retry", 403, 404, 409)]
    public void Document_KnownRefusals_AreDeclared(string method, string path, params int[] statuses)
    {
        var operation = document.Find(method, path);

        var missing = statuses.Where(s => !operation.Declares(s)).ToList();

        Assert.True(missing.Count == 0, $"{operation.Key} declares {string.Join(", ", operation.Statuses)} but not {string.Join(", ", missing)}.");
    }

    [Theory]
    [InlineData("/api/consultations/{id}/dispositions.csv", "text/csv")]
    [InlineData("/api/consultations/{id}/dispositions.md", "text/markdown")]
    [InlineData("/api/consultations/{id}/dispositions.docx", WordConventions.DocxMediaType)]
    [InlineData("/api/consultations/{id}/draft.docx", WordConventions.DocxMediaType)]
    [InlineData("/api/instances/{id}/drafts/{number}.docx", WordConventions.DocxMediaType)]
    [InlineData("/api/instances/{id}/drafts/{from}/diff/{to}.docx", WordConventions.DocxMediaType)]
    [InlineData("/api/publications/{id}.docx", WordConventions.DocxMediaType)]
    [InlineData("/api/definitions/{id}/export", "application/json")]
    public void Document_Download_DeclaresItsMediaType(string path, string mediaType)
    {
        var operation = document.Find("GET", path);

        Assert.Equal([mediaType], operation.MediaTypes("200"));
        Assert.NotNull(operation.Responses["200"]?["content"]?[mediaType]?["schema"]);
    }

    private static void AssertNone(IReadOnlyCollection<string> offenders, string what) =>
        Assert.True(offenders.Count == 0, $"{offenders.Count} operation(s) {what}:\n{string.Join("\n", offenders)}");
}
