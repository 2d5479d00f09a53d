using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record DefinitionVersionResponse(int Version, string Name, DateTimeOffset PublishedAt, string? PublishedBy);
public sealed record SavedDraftResponse(WorkflowDefinition Definition, bool Valid, IReadOnlyList<ValidationFinding> Findings);
public sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationFinding> Findings);
public sealed record PublishedResponse(string Id, int Version, string Name);

public static class DefinitionsEndpoints
{
    /// <summary>Definitions are small; a body above this is refused with 413.</summary>
    private const long MaxDefinitionBytes = 2 * 1024 * 1024;

    public static void MapDefinitions(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/definitions").WithTags("Definitions").AddEndpointFilter(Identifiers.CheckDefinitionId);
        group.MapGet("/", async (DefinitionStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)));
        group.MapGet("/{id}", GetLatest).ProducesProblems(404);
        group.MapGet("/{id}/versions", ListVersions).ProducesProblems(404);
        group.MapGet("/{id}/versions/{version:int}", GetVersion).ProducesProblems(404);
        group.MapPut("/{id}", SaveDraft).RequireAuthorization(Policies.EditDefinitions).AcceptsJson<WorkflowDefinition>().WithRequestLimit()
            .ProducesProblems(400, 403, 413);
        group.MapPost("/{id}/publish", Publish).RequireAuthorization(Policies.EditDefinitions).ProducesProblems(403, 404, 409, 422);
        group.MapPost("/validate", Validate).AcceptsJson<WorkflowDefinition>().WithRequestLimit().ProducesProblems(400, 413);
        group.MapPost("/import", Import).RequireAuthorization(Policies.EditDefinitions).AcceptsJson<JsonObject>().WithRequestLimit()
            .ProducesProblems(400, 403, 413)
            .WithSummary("Imports a native or an Elsa 3 definition (detected) as a draft.");
        group.MapGet("/{id}/export", Export).Produces<JsonObject>(contentType: "application/json").ProducesProblems(400, 404)
            .WithSummary("Exports the latest (or ?version=) definition as native or Elsa 3 JSON.");
    }

    private static async Task<Results<Ok<WorkflowDefinition>, ProblemHttpResult>> GetLatest(string id, DefinitionStore store, CancellationToken ct) =>
        await store.GetLatestAsync(id, ct) is { } d ? TypedResults.Ok(d) : NotFound(id);

    private static async Task<Results<Ok<List<DefinitionVersionResponse>>, ProblemHttpResult>> ListVersions(string id, DefinitionStore store, CancellationToken ct)
    {
        var versions = await store.ListVersionsAsync(id, ct);
        if (versions.Count == 0 && !await store.ExistsAsync(id, ct)) return NotFound(id);
        return TypedResults.Ok(versions.Select(v => new DefinitionVersionResponse(v.Version, v.Name, v.SavedAt, v.SavedBy)).ToList());
    }

    private static async Task<Results<Ok<WorkflowDefinition>, ProblemHttpResult>> GetVersion(string id, int version, DefinitionStore store, CancellationToken ct) =>
        await store.GetAsync(id, version, ct) is { } d ? TypedResults.Ok(d) : NotFound($"{id} v{version}");

    private static async Task<Results<Ok<SavedDraftResponse>, ProblemHttpResult>> SaveDraft(
        string id, HttpRequest request, DefinitionStore store, CancellationToken ct)
    {
        var read = DefinitionJson.Read(await ReadBodyAsync(request, ct));
        if (read.Definition is not { } definition) return Malformed(read.Findings);
        if (definition.Id != id)
            return TypedResults.Problem(ProblemMapping.Build(400, "Id mismatch", $"The body's id '{definition.Id}' is not the id in the address '{id}'.", "invalid-request",
                new Dictionary<string, string[]> { ["id"] = ["must equal the id in the address"] }));
        var findings = await store.SaveDraftAsync(definition, request.HttpContext.User.Email(), ct);
        return TypedResults.Ok(new SavedDraftResponse(definition with { Version = 0 }, findings.Count == 0, findings));
    }

    private static async Task<Ok<PublishedResponse>> Publish(string id, HttpContext http, DefinitionStore store, CancellationToken ct)
    {
        var published = await store.PublishAsync(id, http.User.Email(), ct);
        return TypedResults.Ok(new PublishedResponse(published.Id, published.Version, published.Name));
    }

    private static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> Validate(HttpRequest request, IActivityCatalog catalog, CancellationToken ct)
    {
        var read = DefinitionJson.Read(await ReadBodyAsync(request, ct));
        if (read.Definition is not { } definition) return Malformed(read.Findings);
        var findings = new DefinitionValidator(catalog).Validate(definition);
        return TypedResults.Ok(new ValidationResponse(findings.Count == 0, findings));
    }

    private static async Task<Results<Ok<SavedDraftResponse>, ProblemHttpResult>> Import(HttpRequest request, DefinitionStore store, CancellationToken ct)
    {
        var (definition, _, _, importFindings) = DefinitionImport.Read(await ReadBodyAsync(request, ct));
        if (definition is null) return Malformed(importFindings);
        var findings = await store.SaveDraftAsync(definition, request.HttpContext.User.Email(), ct);
        var all = importFindings.Concat(findings).ToList();
        return TypedResults.Ok(new SavedDraftResponse(definition with { Version = 0 }, findings.Count == 0, all));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(
        string id, DefinitionStore store, CancellationToken ct, [FromQuery] string format = "native", [FromQuery] int? version = null)
    {
        if (format is not ("native" or "elsa"))
            return TypedResults.Problem(ProblemMapping.Build(400, "Unknown format", "format must be 'native' or 'elsa'.", "invalid-request",
                new Dictionary<string, string[]> { ["format"] = ["must be 'native' or 'elsa'"] }));
        var definition = version is { } v ? await store.GetAsync(id, v, ct) : await store.GetLatestAsync(id, ct);
        if (definition is null) return NotFound(version is { } n ? $"{id} v{n}" : id);
        var json = format == "elsa" ? new ElsaExporter().Export(definition).Json : DefinitionJson.Write(definition);
        return TypedResults.Content(json, "application/json");
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        // The size-limit metadata binds only on servers that honour it (not every host does), and
        // these handlers read the raw body themselves, so the limit is enforced here too.
        if (request.ContentLength > MaxDefinitionBytes) throw TooLarge();
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > MaxDefinitionBytes) throw TooLarge();
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync(ct);
    }

    private static BadHttpRequestException TooLarge() =>
        new($"A definition may be at most {MaxDefinitionBytes / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult Malformed(IReadOnlyList<ValidationFinding> findings) =>
        TypedResults.Problem(ProblemMapping.WithFindings(
            ProblemMapping.Build(400, "Malformed definition", "The body is not a well-formed workflow definition.", "malformed-definition", null), findings));

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(ProblemMapping.Build(404, "Definition not found", $"There is no definition '{id}'.", "not-found", null));

    private static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) where T : notnull =>
        builder.Accepts<T>("application/json");

    private static RouteHandlerBuilder WithRequestLimit(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(MaxDefinitionBytes));
}
