using System.Text.Json.Nodes;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Engine.Running;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record EventRequest(string? CorrelationKey, JsonNode? Payload);
public sealed record EventResponse(string Name, string? CorrelationKey, IReadOnlyList<string> ResumedInstances);

public static class EventsEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder api) =>
        api.MapPost("/events/{name}", Publish).WithTags("Events").RequireAuthorization(Policies.Operate).ProducesProblems(400, 403, 422)
            .WithSummary("Resumes every wait-for-event step waiting on this name and correlation key. Send an Idempotency-Key " +
                "header to make retries safe: no instance is resumed twice by one key, and a retry answers with every instance it resumed.");

    private static async Task<Ok<EventResponse>> Publish(string name, EventRequest? request, HttpContext http, WorkflowRuntime runtime, CancellationToken ct)
    {
        Identifiers.RequireEventName(name);
        Identifiers.RequireCorrelationKey(request?.CorrelationKey);
        var key = Identifiers.IdempotencyKey(http.Request);
        var result = await runtime.DeliverEventAsync(
            new EventDelivery(name, request?.CorrelationKey, request?.Payload, http.User.Email(), key), ct);
        if (result.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(new EventResponse(name, request?.CorrelationKey, result.ResumedInstances));
    }
}
