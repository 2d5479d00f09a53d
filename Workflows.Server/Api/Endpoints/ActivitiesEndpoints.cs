using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Server.Api.Endpoints;

public static class ActivitiesEndpoints
{
    public static void MapActivities(this IEndpointRouteBuilder api) =>
        api.MapGet("/activities", (IActivityCatalog catalog) => TypedResults.Ok(catalog.All))
            .WithTags("Activities").WithSummary("The activity catalog: types, settings and outcomes.");
}
