using FocWorkflows.Server.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;

namespace FocWorkflows.Server.Api.OpenApi;

/// <summary>
/// The refusals the API's shared guards answer, declared where the guards apply so a route added later tells the truth
/// too: 401 from sign-in (unless the route allows anonymous callers); 400, 413 and 415 from the body guard
/// (<c>RequestBodyLimits</c>) for a route that takes a body; 400 from the route-value check for a route with parameters;
/// 429 from the rate limiter for writes and for the routes an advisor's link opens.
/// </summary>
public static class GuardProblems
{
    /// <summary>
    /// A "finally" convention: it reads each endpoint as its own registration left it (its <c>AllowAnonymous</c>, its
    /// body, its policy), which the group's ordinary conventions, applied first, cannot see.
    /// </summary>
    public static RouteGroupBuilder ProducesGuardProblems(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            foreach (var status in StatusesOf(endpoint).Distinct()) endpoint.Metadata.Add(ProblemResponses.Problem(status));
        });
        return api;
    }

    private static IEnumerable<int> StatusesOf(EndpointBuilder endpoint)
    {
        var metadata = endpoint.Metadata;
        if (!metadata.OfType<IAllowAnonymous>().Any()) yield return StatusCodes.Status401Unauthorized;
        if (metadata.OfType<IAcceptsMetadata>().Any())
        {
            yield return StatusCodes.Status400BadRequest;
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }
        if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 }) yield return StatusCodes.Status400BadRequest;
        if (IsWrite(metadata) || metadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.AdvisorLinkOrAccount))
            yield return StatusCodes.Status429TooManyRequests;
    }

    private static bool IsWrite(IList<object> metadata) =>
        metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m));
}
