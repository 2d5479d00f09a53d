using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record OutboxAttemptResponse(int Number, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Outcome, string? Error, string RequestId);

public sealed record OutboxMessageResponse(string Id, string Kind, string Status, string? InstanceId, string? ActivityId, JsonNode? Payload,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, int Attempts, string? LastError, IReadOnlyList<OutboxAttemptResponse> AttemptLog,
    string? EventKey = null, string? SupersededBy = null);

public sealed record OutboxPage(IReadOnlyList<OutboxMessageResponse> Items, int Page, int PageSize, int Total);

public static class OutboxEndpoints
{
    private const int MaxPageSize = 200;

    public static void MapOutbox(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/outbox").WithTags("Outbox").RequireAuthorization(Policies.Operate).ProducesProblems(403);
        group.MapGet("/", List).ProducesProblems(400).WithSummary("Mail and calendar messages, newest first, with their delivery attempts.");
        group.MapGet("/{id}", Get).ProducesProblems(404);
        group.MapPost("/{id}/retry", Retry).ProducesProblems(404, 409).WithSummary("Puts a dead (or held) message back in the queue with a fresh attempt budget.");
    }

    private static async Task<Ok<OutboxPage>> List(OutboxStore store, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] int page = 1, [FromQuery] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        OutboxStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsed = s;
            else errors["status"] = ["must be pending, sent, dead, held or superseded."];
        }
        if (page < 1) errors["page"] = ["must be 1 or more."];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"must be between 1 and {MaxPageSize}."];
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The query is not valid", errors);

        var (items, total) = await store.ListAsync(parsed, page, pageSize, ct);
        var attempts = await store.AttemptsAsync([.. items.Select(m => m.Id)], ct);
        return TypedResults.Ok(new OutboxPage([.. items.Select(m => ToResponse(m, attempts[m.Id]))], page, pageSize, total));
    }

    private static async Task<Ok<OutboxMessageResponse>> Get(string id, OutboxStore store, CancellationToken ct)
    {
        var message = await store.FindAsync(id, ct) ?? throw WorkflowProblem.NotFound("Outbox message", id);
        return TypedResults.Ok(ToResponse(message, (await store.AttemptsAsync([id], ct))[id]));
    }

    private static async Task<Ok<OutboxMessageResponse>> Retry(string id, OutboxStore store, TimeProvider time, CancellationToken ct)
    {
        var message = await store.FindAsync(id, ct) ?? throw WorkflowProblem.NotFound("Outbox message", id);
        if (!await store.RequeueAsync(id, time.GetUtcNow(), ct))
            throw WorkflowProblem.Conflict("Not retriable", $"Outbox message '{id}' is {Name(message.Status)}; only dead or held messages can be retried.");
        return await Get(id, store, ct);
    }

    private static OutboxMessageResponse ToResponse(OutboxMessage m, IEnumerable<OutboxAttempt> attempts) => new(
        m.Id, m.Kind, Name(m.Status), m.InstanceId, m.NodeId, JsonNode.Parse(m.PayloadJson), m.CreatedAt, m.NextAttemptAt, m.Attempts, m.LastError,
        [.. attempts.Select(a => new OutboxAttemptResponse(a.Number, a.StartedAt, a.EndedAt, a.Outcome is { } o ? Name(o) : null, a.Error, a.RequestId))],
        m.EventKey, m.SupersededBy);

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
