using System.Security.Claims;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Persistence.Deliberation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

/// <summary>Withdraw <c>advisor</c>'s link (an e-mail of the audience), or every link to the consultation when it is absent.</summary>
public sealed record RevokeLinksRequest(string? Advisor, string? Reason);

public sealed record LinkRevocationResponse(string Id, string ConsultationId, string? Advisor, bool AllLinks, DateTimeOffset RevokedAt,
    string RevokedBy, string? Reason);

public sealed record LinkUseResponse(string Advisor, DateTimeOffset At, string? Address, string Via, AdvisorLinkOutcome Outcome);

/// <summary>A consultation's advisor links as the secretariat follows them: what was withdrawn, and the latest uses.</summary>
public sealed record AdvisorLinksResponse(string ConsultationId, IReadOnlyList<LinkRevocationResponse> Revocations, IReadOnlyList<LinkUseResponse> Uses);

/// <summary>The secretariat's hold on advisors' links: each use is recorded; a link can be withdrawn for good.</summary>
public static class AdvisorLinksEndpoints
{
    /// <summary>How many uses the list shows, newest first.</summary>
    public const int UsesShown = 200;

    public static void MapAdvisorLinks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/consultations/{id}/links").WithTags("Advisor links").RequireAuthorization(Policies.ManageAdvisorLinks)
            .ProducesProblems(403, 404);
        group.MapGet("/", Get).WithSummary("The consultation's withdrawn links and the latest uses of its links (time, address, page or API, admitted or not).");
        group.MapPost("/revoke", Revoke).ProducesProblems(400)
            .WithSummary("Withdraws one advisor's link ({advisor}) or every link to the consultation, for good; journaled. Withdrawing again changes nothing.");
    }

    private static async Task<Ok<AdvisorLinksResponse>> Get(string id, ConsultationStore consultations, AdvisorLinkStore links, CancellationToken ct)
    {
        _ = await ConsultationsEndpoints.FindAsync(consultations, id, ct);
        return TypedResults.Ok(new AdvisorLinksResponse(id, [.. (await links.RevocationsAsync(id, ct)).Select(ToResponse)],
            [.. (await links.UsesAsync(id, UsesShown, ct)).Select(u => new LinkUseResponse(u.Email, u.At, u.Address, u.Via, u.Outcome))]));
    }

    private static async Task<Ok<LinkRevocationResponse>> Revoke(string id, RevokeLinksRequest? request, ClaimsPrincipal user, IDirectory directory,
        AdvisorLinkRevoking revoking, CancellationToken ct)
    {
        var acting = await Acting.ResolveAsync(user, null, directory, ct);
        return TypedResults.Ok(ToResponse(await revoking.RevokeAsync(id, request?.Advisor, request?.Reason, acting, ct)));
    }

    private static LinkRevocationResponse ToResponse(AdvisorLinkRevocation r) =>
        new(r.Id, r.ConsultationId, r.Email, r.Email is null, r.RevokedAt, r.RevokedBy, r.Reason);
}
