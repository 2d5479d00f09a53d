using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Api;

/// <summary>One operation of the OpenAPI document: a method on a path, as the document spells them.</summary>
public sealed partial record ApiOperation(string Method, string Path, JsonObject Node)
{
    /// <summary>As the route table and <c>AccessMatrix</c> write it: <c>POST /api/instances/{id}/drafts</c>.</summary>
    public string Key => $"{Method} {Path}";

    public JsonObject Responses => Node["responses"] as JsonObject ?? [];

    public IEnumerable<string> Statuses => Responses.Select(r => r.Key);

    public bool Declares(int status) => Responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public bool HasBody => Node["requestBody"]?["content"] is JsonObject { Count: > 0 };

    public bool HasPathParameter => Path.Contains('{', StringComparison.Ordinal);

    /// <summary>The media types of a response, e.g. of <c>200</c>.</summary>
    public IReadOnlyList<string> MediaTypes(string status) => Responses[status]?["content"] is JsonObject content ? [.. content.Select(c => c.Key)] : [];

    /// <summary>A route table pattern (<c>/api/drafts/{number:int}</c>) as OpenAPI writes it (<c>/api/drafts/{number}</c>).</summary>
    public static string DocumentPath(string routePattern) => RouteConstraint().Replace(routePattern, "}");

    [GeneratedRegex(@":[a-z]+(\([^)]*\))?\}")]
    private static partial Regex RouteConstraint();
}

/// <summary>The server's OpenAPI document, read once for a test class: what a client generator would see.</summary>
public sealed class ServedOpenApiDocument : IAsyncLifetime, IDisposable
{
    private readonly TestApp _app = new();

    public IReadOnlyList<ApiOperation> Operations { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Anonymously: a client reads the document before it can sign in.
        var response = await _app.ClientAs(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"] as JsonObject)!;
        Operations =
        [
            .. from path in paths
               where path.Key.StartsWith("/api/", StringComparison.Ordinal)
               from operation in (JsonObject)path.Value!
               where operation.Value is JsonObject && operation.Key is "get" or "post" or "put" or "patch" or "delete"
               select new ApiOperation(operation.Key.ToUpperInvariant(), path.Key, (JsonObject)operation.Value!),
        ];
    }

    public ApiOperation Find(string method, string path) =>
        Operations.FirstOrDefault(o => o.Method == method && o.Path == path)
        ?? throw new Xunit.Sdk.XunitException($"The document has no {method} {path}; it has:\n{string.Join("\n", Operations.Select(o => o.Key))}");

    // xUnit disposes a fixture both ways; the app is disposed once, by Dispose.
    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();
}
