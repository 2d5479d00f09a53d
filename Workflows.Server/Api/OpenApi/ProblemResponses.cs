using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api.OpenApi;

/// <summary>
/// Declares in the OpenAPI document the refusals an endpoint (or every endpoint of a group) answers, each an RFC 9457
/// problem, so a client knows what to handle. List what the handler answers (the <c>WorkflowProblem</c> kinds and Word
/// refusals it throws, the policy it names); the refusals every route shares are declared by <see cref="GuardProblems"/>.
/// </summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. statuses.Select(Problem)]);

    /// <summary>What <c>ProducesProblem</c> declares, as metadata a convention can add to an endpoint it is building.</summary>
    internal static IProducesResponseTypeMetadata Problem(int status) => new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]);
}
