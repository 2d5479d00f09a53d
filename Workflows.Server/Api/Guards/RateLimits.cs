using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using FocWorkflows.Server.Integrations.Graph;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Api.Guards;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by who is asking (the person for writes, the link for an
/// advisor's requests) and chained with a limit per client address. A refusal is 429 ProblemDetails
/// with Retry-After. It runs after authentication, so a person is known, and before authorization, so
/// guessing link tokens is limited too.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddFocRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.Window >= TimeSpan.FromSeconds(1) && o.Window <= TimeSpan.FromHours(1), "RateLimits:Window must be between 00:00:01 and 01:00:00.")
            .Validate(o => o.WritesPerPerson > 0, "RateLimits:WritesPerPerson must be above zero.")
            .Validate(o => o.RequestsPerLink > 0, "RateLimits:RequestsPerLink must be above zero.")
            .Validate(o => o.RequestsPerAddress > 0, "RateLimits:RequestsPerAddress must be above zero.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, configured) =>
        {
            var limits = configured.Value;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => ByCaller(http, limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => ByAddress(http, limits)));
            o.OnRejected = (context, _) => new ValueTask(RejectAsync(context.HttpContext, context.Lease, limits));
        });
        return services;
    }

    private static RateLimitPartition<string> ByCaller(HttpContext http, RateLimitOptions limits)
    {
        if (AdvisorLinkAuthenticationHandler.TokenOf(http.Request) is { } token)
            return Window($"link:{Fingerprint(token)}", limits.RequestsPerLink, limits);
        if (IsWrite(http.Request) && http.User.FindFirstValue(ClaimTypes.Email) is { } email)
            return Window($"person:{email.ToLowerInvariant()}", limits.WritesPerPerson, limits);
        return RateLimitPartition.GetNoLimiter("free");
    }

    private static RateLimitPartition<string> ByAddress(HttpContext http, RateLimitOptions limits) =>
        AdvisorLinkAuthenticationHandler.TokenOf(http.Request) is not null || IsWrite(http.Request)
            ? Window($"address:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}", limits.RequestsPerAddress, limits)
            : RateLimitPartition.GetNoLimiter("free");

    /// <summary>Anything that changes state; the interactive pages' circuit is one long connection, not a write.</summary>
    private static bool IsWrite(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && !request.Path.StartsWithSegments("/_blazor");

    private static RateLimitPartition<string> Window(string key, int permits, RateLimitOptions limits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
        });

    // Partitions live in memory for a while: they are keyed by a digest, never by the token itself.
    private static string Fingerprint(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..32];

    private static Task RejectAsync(HttpContext http, RateLimitLease lease, RateLimitOptions limits)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ProblemMapping.WriteAsync(http, ProblemMapping.Build(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Too many requests from you or your address; try again in {seconds} s.", "rate-limited", null));
    }
}
