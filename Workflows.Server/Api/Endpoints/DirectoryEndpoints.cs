using FocWorkflows.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Api.Endpoints;

public static class DirectoryEndpoints
{
    public static void MapDirectory(this IEndpointRouteBuilder api) =>
        api.MapGet("/people", async (IDbContextFactory<WorkflowDbContext> contexts, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return TypedResults.Ok(await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct));
        }).WithTags("Directory").WithSummary("The people in the directory.");
}
