using FocWorkflows.Server.Persistence.Deliberation;
using System.Security.Claims;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Publications;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record ProvideTranslationRequest(string? Markdown, int? SourceVersion, string? OnBehalfOf);
public sealed record SignatoryResponse(string Code, string Name);

/// <summary>A translation: <c>current</c> is false when it was made from an older version than the published one.</summary>
public sealed record TranslationResponse(string Language, TranslationStatus Status, int SourceVersion, bool Current, string? Markdown, string? Html,
    DateTimeOffset? ProvidedAt);
public sealed record PublicationSummary(string Id, string Title, int Version, PublicationStatus Status, DateTimeOffset ReleaseAt);
public sealed record PublicationResponse(string Id, string? InstanceId, string Title, int Version, PublicationStatus Status, DateTimeOffset ReleaseAt,
    DateTimeOffset? ReleasedAt, string Markdown, string Html, IReadOnlyList<SignatoryResponse> Signatories, IReadOnlyList<TranslationResponse> Translations,
    IReadOnlyList<SignatoryResponse> Dissociated);

public static class PublicationsEndpoints
{
    public static void MapPublications(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/publications").WithTags("Publications");
        group.MapGet("/", List).AllowAnonymous()
            .WithSummary("Released publications, newest first; signed-in callers also see scheduled ones.");
        // 404, never 403: an embargoed publication is hidden from whoever may not see it yet.
        group.MapGet("/{id}", Get).AllowAnonymous().ProducesProblems(404)
            .WithSummary("The adopted text, its signatories (in signing order for sign-on; every non-objecting member for silence), the members that dissociated, and translations. Public once released; before that only for signed-in callers.");
        group.MapPut("/{id}/translations/{language}", ProvideTranslation).ProducesProblems(400, 403, 404, 409)
            .WithSummary("A pen-holder or the secretariat provides a translation while the publication is scheduled; 409 after release.");
    }

    private static async Task<Ok<List<PublicationSummary>>> List(ClaimsPrincipal user, InstanceAccess access, PublicationStore publications, CancellationToken ct)
    {
        var list = await publications.ListAsync(releasedOnly: !SignedIn(user), ct);
        var caller = await access.CallerAsync(user, ct);
        var visible = new List<PublicationSummary>();
        foreach (var p in list)
            if (await access.SeesPublicationAsync(caller, p, ct)) visible.Add(new PublicationSummary(p.Id, p.Title, p.DraftNumber, p.Status, p.ReleaseAt));
        return TypedResults.Ok(visible);
    }

    private static async Task<Ok<PublicationResponse>> Get(string id, ClaimsPrincipal user, InstanceAccess access, PublicationStore publications,
        CancellationToken ct)
        => TypedResults.Ok(await ToResponseAsync(await VisibleAsync(id, user, access, publications, ct), SignedIn(user), publications, ct));

    internal static async Task<Publication> VisibleAsync(string id, ClaimsPrincipal user, InstanceAccess access, PublicationStore publications,
        CancellationToken ct)
    {
        var publication = await publications.GetAsync(id, ct);
        // Before release the text is under embargo: whoever may not see it yet (the public, people outside the task force) cannot tell it exists.
        if (publication is null || !await access.SeesPublicationAsync(await access.CallerAsync(user, ct), publication, ct))
            throw WorkflowProblem.NotFound("Publication", id);
        return publication;
    }

    private static async Task<Ok<TranslationResponse>> ProvideTranslation(string id, string language, ProvideTranslationRequest request,
        ClaimsPrincipal user, IDirectory directory, WorkflowRuntime runtime, PublicationStore publications, CancellationToken ct)
    {
        var publication = await publications.GetAsync(id, ct) ?? throw WorkflowProblem.NotFound("Publication", id);
        if (publication.Status == PublicationStatus.Released)
            throw WorkflowProblem.Conflict("Already released", "A released publication is locked: its translations can no longer change.");
        if (!(await publications.TranslationsAsync(id, ct)).Any(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase)))
            throw WorkflowProblem.NotFound("Translation", $"{id}/{language}");
        // A translation is a draft's text: too large to number or render is refused before the workflow is touched.
        if (DraftRules.Problems(request.Markdown) is { Count: > 0 } errors) throw WorkflowProblem.Invalid("The translation is not valid", errors);
        var acting = await Acting.ResolveAsync(user, request.OnBehalfOf, directory, ct);
        var payload = new JsonObject
        {
            ["action"] = PublicationActivity.TranslateAction, ["language"] = language, ["markdown"] = request.Markdown,
            ["sourceVersion"] = request.SourceVersion,
        };
        await runtime.ResumeByKeyAsync(PublicationActivity.Type, id, payload, acting.Actor, acting.OnBehalfOf, ct);
        var translation = (await publications.TranslationsAsync(id, ct)).First(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok(ToResponse(translation, publication.DraftNumber));
    }

    private static async Task<PublicationResponse> ToResponseAsync(Publication p, bool signedIn, PublicationStore publications, CancellationToken ct)
    {
        var names = await publications.GovernmentNamesAsync(ct);
        var translations = await publications.TranslationsAsync(p.Id, ct);
        return new PublicationResponse(p.Id, signedIn ? p.InstanceId : null, p.Title, p.DraftNumber, p.Status, p.ReleaseAt, p.ReleasedAt,
            p.Markdown, DraftHtml.RenderNumbered(Paragraphs.Of(p.Markdown)),
            [.. p.Signatories.Select(Government)], [.. translations.Select(t => ToResponse(t, p.DraftNumber))], [.. p.Dissociated.Select(Government)]);

        SignatoryResponse Government(string code) => new(code, names.TryGetValue(code, out var name) ? name : code);
    }

    private static TranslationResponse ToResponse(Translation t, int publishedVersion) => new(t.Language, t.Status, t.SourceVersion,
        t.SourceVersion == publishedVersion, t.Markdown, t.Markdown is null ? null : DraftHtml.RenderNumbered(Paragraphs.Of(t.Markdown)), t.ProvidedAt);

    private static bool SignedIn(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;
}
