using System.Net;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Api.Guards;

/// <summary>Every response, page, API, problem or error, carries the security headers.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(null, "/signin", HttpStatusCode.OK)]
    [InlineData(People.Chair, "/", HttpStatusCode.OK)]
    [InlineData(People.Chair, "/api/definitions", HttpStatusCode.OK)]
    [InlineData(People.Chair, "/api/instances/nope", HttpStatusCode.NotFound)]
    [InlineData(null, "/api/instances", HttpStatusCode.Unauthorized)]
    [InlineData(null, "/health/live", HttpStatusCode.OK)]
    [InlineData(null, "/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData(null, "/_content/Workflows.Designer/designer.css", HttpStatusCode.OK)]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string? caller, string path, HttpStatusCode status)
    {
        var response = await _app.ClientAs(caller).GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("img-src 'self' data:;", policy);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Post_RefusedBeforeAnyEndpoint_CarriesTheSecurityHeaders()
    {
        var response = await _app.ClientAs(People.Chair).PostAsync("/api/instances", new StringContent("x", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Get_ApiReference_AllowsItsInlineStartButStaysUnframed()
    {
        var response = await _app.ClientAs(null).GetAsync("/api-docs");

        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'unsafe-inline';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"No {name} header on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}.");
}
