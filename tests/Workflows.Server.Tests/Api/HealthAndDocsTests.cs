using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Api;

public sealed class HealthAndDocsTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WithoutSignIn_Returns200Healthy(string path)
    {
        var response = await _app.ClientAs(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheInstancesRoutes()
    {
        var response = await _app.ClientAs(null).GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"] as JsonObject)!;
        Assert.NotNull(paths["/api/instances"]?["post"]);
        Assert.NotNull(paths["/api/instances"]?["get"]);
        Assert.NotNull(paths["/api/instances/{id}/journal/verify"]);
        Assert.NotNull(paths["/api/definitions/{id}/publish"]);
    }

    [Fact]
    public async Task Root_ServesTheDesignerPage()
    {
        var response = await _app.ClientAs(null).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Workflows", html);
    }

    [Theory]
    [InlineData("/api/activities")]
    [InlineData("/api/definitions")]
    [InlineData("/api/instances")]
    [InlineData("/api/tasks")]
    public async Task ApiRoute_WithoutSignIn_Returns401Problem(string path)
    {
        var response = await _app.ClientAs(null).GetAsync(path);

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404()
    {
        var response = await _app.ClientAs(People.Chair).GetAsync("/api/no-such-resource");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
