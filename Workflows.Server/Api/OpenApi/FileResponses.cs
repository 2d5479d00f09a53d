namespace FocWorkflows.Server.Api.OpenApi;

/// <summary>
/// Declares what a download answers: a file handler's result carries no response metadata of its own, so without this
/// the document would promise a 200 of unknown content.
/// </summary>
public static class FileResponses
{
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, string mediaType) =>
        endpoint.Produces<Stream>(StatusCodes.Status200OK, mediaType);
}
