using System.Text.Json.Nodes;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record EventRequest(string? CorrelationKey, JsonNode? Payload);
public sealed record EventResponse(string Name, string? CorrelationKey, IReadOnlyList<string> ResumedInstances);

public static class EventsEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder api) =>
        api.MapPost("/events/{name}", Publish).WithTags("Events").RequireAuthorization(Policies.Operate)
            .WithSummary("Resumes every wait-for-event step waiting on this name and correlation key. Send an Idempotency-Key " +
                "header to make retries safe: no instance is resumed twice by one key, and a retry answers with every instance it resumed.");

    private static async Task<Ok<EventResponse>> Publish(string name, EventRequest? request, HttpContext http, WorkflowRuntime runtime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
            throw WorkflowProblem.Invalid("The event is not valid", new Dictionary<string, string[]> { ["name"] = ["must be 1 to 200 characters."] });
        var key = http.Request.Headers[InstancesEndpoints.IdempotencyHeader].ToString();
        if (key.Length > 200)
            throw WorkflowProblem.Invalid("The event is not valid", new Dictionary<string, string[]> { [InstancesEndpoints.IdempotencyHeader] = ["must be at most 200 characters."] });
        var result = await runtime.DeliverEventAsync(
            new EventDelivery(name, request?.CorrelationKey, request?.Payload, http.User.Email(), key.Length == 0 ? null : key), ct);
        if (result.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(new EventResponse(name, request?.CorrelationKey, result.ResumedInstances));
    }
}
