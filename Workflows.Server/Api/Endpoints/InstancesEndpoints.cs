using System.Security.Claims;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Api.Guards;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using FocWorkflows.Server.UseCases;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record StartInstanceRequest(string? DefinitionId, int? Version, JsonObject? Input, string? TaskForceId);
public sealed record CancelRequest(string? Reason);
public sealed record JournalVerification(bool Intact, long Entries, long? FirstBrokenSequence);

public static class InstancesEndpoints
{
    public const string IdempotencyHeader = Identifiers.IdempotencyHeader;

    public static void MapInstances(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances");
        group.MapPost("/", Start).RequireAuthorization(Policies.Launch).ProducesProblems(400, 403, 404, 422)
            .WithSummary("Starts an instance. Send an Idempotency-Key header to make retries safe.");
        group.MapGet("/", List).ProducesProblems(400);
        group.MapGet("/{id}", Get).WithName("GetInstance").ProducesProblems(403, 404);
        group.MapGet("/{id}/journal", Journal).ProducesProblems(400, 403, 404);
        group.MapGet("/{id}/journal/verify", Verify).ProducesProblems(403, 404);
        group.MapPost("/{id}/cancel", Cancel).RequireAuthorization(Policies.Operate).ProducesProblems(400, 403, 404, 409);
        group.MapPost("/{id}/retry", Retry).RequireAuthorization(Policies.Operate).ProducesProblems(403, 404, 409);
    }

    private static async Task<Results<Created<InstanceResponse>, ProblemHttpResult>> Start(
        StartInstanceRequest request, HttpContext http, StartInstance start, InstanceQueries queries, DefinitionStore definitions, CancellationToken ct)
    {
        var result = await start.RunAsync(new StartInstanceCommand(request.DefinitionId, request.Version, request.Input,
            Identifiers.IdempotencyKey(http.Request), request.TaskForceId), http.User.Caller(), ct);
        if (result.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        var detail = await Load(result.Instance.Id, queries, definitions, ct);
        return TypedResults.Created($"/api/instances/{result.Instance.Id}", detail);
    }

    private static async Task<Ok<PagedList<InstanceSummary>>> List(InstanceQueries queries, ClaimsPrincipal user, InstanceAccess access, CancellationToken ct,
        [FromQuery] string? definitionId = null, [FromQuery] string? status = null, [FromQuery] string? taskForce = null,
        [FromQuery] int page = 1, [FromQuery] int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        InstanceStatus? parsed = null;
        if (status is not null)
        {
            if (Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsed = s;
            else errors["status"] = [$"must be one of {string.Join(", ", Enum.GetNames<InstanceStatus>().Select(n => n.ToLowerInvariant()))}."];
        }
        if (page < 1) errors["page"] = ["must be 1 or more."];
        if (pageSize is < 1 or > 500) errors["pageSize"] = ["must be between 1 and 500."];
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The query is not valid", errors);

        // Only the instances whose internals the caller may see are listed.
        var visible = await access.VisibleTaskForcesAsync(await access.CallerAsync(user, ct), ct);
        var (items, total) = await queries.ListAsync(new InstanceFilter(definitionId, parsed, taskForce, page, pageSize, visible), ct);
        return TypedResults.Ok(new PagedList<InstanceSummary>([.. items.Select(InstanceResponses.Summary)], page, pageSize, total));
    }

    private static async Task<Ok<InstanceResponse>> Get(string id, ClaimsPrincipal user, InstanceAccess access, InstanceQueries queries,
        DefinitionStore definitions, CancellationToken ct)
    {
        await access.RequireInternalsAsync(await access.CallerAsync(user, ct), id, ct);
        return TypedResults.Ok(await Load(id, queries, definitions, ct));
    }

    private static async Task<Ok<List<JournalEntryResponse>>> Journal(string id, ClaimsPrincipal user, InstanceAccess access, InstanceQueries queries,
        CancellationToken ct, [FromQuery] long after = 0, [FromQuery] int take = 500)
    {
        await access.RequireInternalsAsync(await access.CallerAsync(user, ct), id, ct);
        if (take is < 1 or > 5000)
            throw WorkflowProblem.Invalid("The query is not valid", new Dictionary<string, string[]> { ["take"] = ["must be between 1 and 5000."] });
        var entries = await queries.JournalAsync(id, after, take, ct) ?? throw WorkflowProblem.NotFound("Instance", id);
        return TypedResults.Ok(entries.Select(InstanceResponses.Journal).ToList());
    }

    private static async Task<Ok<JournalVerification>> Verify(string id, ClaimsPrincipal user, InstanceAccess access, IJournalAudit audit, CancellationToken ct)
    {
        await access.RequireInternalsAsync(await access.CallerAsync(user, ct), id, ct);
        var check = await audit.CheckAsync(id, ct) ?? throw WorkflowProblem.NotFound("Instance", id);
        return TypedResults.Ok(new JournalVerification(check.Intact, check.Entries, check.FirstBrokenSequence));
    }

    private static async Task<Ok<InstanceResponse>> Cancel(string id, CancelRequest? request, HttpContext http, WorkflowRuntime runtime,
        InstanceQueries queries, DefinitionStore definitions, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
            throw WorkflowProblem.Invalid("A reason is required", new Dictionary<string, string[]> { ["reason"] = ["Say why the instance is cancelled; it is kept in the journal."] });
        if (request.Reason.Trim().Length > Limits.Reason)
            throw WorkflowProblem.Invalid("The reason is too long", new Dictionary<string, string[]> { ["reason"] = [Limits.TooLong(Limits.Reason)] });
        await runtime.CancelAsync(id, request.Reason.Trim(), http.User.Email(), ct);
        return TypedResults.Ok(await Load(id, queries, definitions, ct));
    }

    private static async Task<Ok<InstanceResponse>> Retry(string id, HttpContext http, WorkflowRuntime runtime,
        InstanceQueries queries, DefinitionStore definitions, CancellationToken ct)
    {
        await runtime.RetryAsync(id, http.User.Email(), ct);
        return TypedResults.Ok(await Load(id, queries, definitions, ct));
    }

    private static async Task<InstanceResponse> Load(string id, InstanceQueries queries, DefinitionStore definitions, CancellationToken ct)
    {
        var detail = await queries.GetAsync(id, ct) ?? throw WorkflowProblem.NotFound("Instance", id);
        var definition = await definitions.GetAsync(detail.Instance.DefinitionId, detail.Instance.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"Definition of instance {id} is missing.");
        return InstanceResponses.Detail(detail, definition);
    }
}
