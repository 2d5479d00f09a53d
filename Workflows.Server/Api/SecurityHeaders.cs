using FocWorkflows.Server.Api.Auth;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api;

/// <summary>
/// Security headers on every response, pages, API and errors alike. The policy is what the Designer
/// needs and no more: its own scripts, styles (Blazor and the diagram set inline styles), data: images,
/// its own circuit connection; never framed; no referrer, since advisors' links carry their token in the address.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<AuthenticationModeOptions> mode)
{
    // Entra ID sign-out posts a form that redirects to Microsoft's sign-out page, and form-action governs that redirect.
    private readonly string _policy = Policy(scripts: "'self'", formAction: mode.Value.IsEntraId ? "'self' https:" : "'self'");

    // The API reference page (Scalar) starts itself with an inline script.
    private readonly string _apiDocsPolicy = Policy(scripts: "'self' 'unsafe-inline'", formAction: "'self'");

    public Task InvokeAsync(HttpContext http)
    {
        // Set as the response starts, so error pages written after the headers were cleared carry them too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-docs") ? _apiDocsPolicy : _policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(http);
    }

    private static string Policy(string scripts, string formAction) =>
        $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
}

public static class SecurityHeadersExtensions
{
    /// <summary>Content-Security-Policy, X-Frame-Options, X-Content-Type-Options and Referrer-Policy on every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeaders>();
}
