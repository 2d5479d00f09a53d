using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Api.Access;

/// <summary>
/// The access policy proved from the route table: every endpoint the app maps (API, pages, files, the circuit) has a row
/// in <see cref="AccessMatrix"/>, and every kind of caller gets the answer its column says.
/// </summary>
public sealed class RouteAccessTests
{
    [Fact]
    public async Task EveryMappedEndpoint_ForEveryKindOfCaller_AnswersAsTheAccessMatrixSays()
    {
        using var world = await AccessWorld.SeedAsync();
        var mapped = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .GroupBy(RouteOf).ToDictionary(g => g.Key, g => g.First());

        var unlisted = mapped.Keys.Where(route => !AccessMatrix.Rows.ContainsKey(route)).Order().ToList();
        Assert.True(unlisted.Count == 0,
            $"Every endpoint needs a row in AccessMatrix (who may call it) and a probe in AccessProbes; these have none:\n  {string.Join("\n  ", unlisted)}");
        var stale = AccessMatrix.Rows.Keys.Where(route => !mapped.ContainsKey(route)).Order().ToList();
        Assert.True(stale.Count == 0, $"These rows of AccessMatrix name no mapped endpoint:\n  {string.Join("\n  ", stale)}");
        var unprobed = AccessMatrix.Rows.Keys.Except(AccessProbes.Routes).Order().ToList();
        Assert.True(unprobed.Count == 0, $"These rows have no probe in AccessProbes:\n  {string.Join("\n  ", unprobed)}");
        var strays = AccessProbes.Routes.Except(AccessMatrix.Rows.Keys).Order().ToList();
        Assert.True(strays.Count == 0, $"These probes have no row in AccessMatrix:\n  {string.Join("\n  ", strays)}");

        var wrong = new List<string>();
        foreach (var (route, row) in AccessMatrix.Rows)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                using var response = await AccessProbes.SendAsync(route, world, caller);
                var got = Classify(response);
                if (got != row.For(caller))
                    wrong.Add($"{route} as {caller}: expected {row.For(caller)} ({row.Rule}), got {Describe(response, got)} {await SnippetAsync(response)}");
            }
            // A page's forms post back to it: the sign-in its [Authorize] asks of a stranger holds for a POST too.
            if (route.StartsWith("GET,POST ", StringComparison.Ordinal) && mapped[route].Metadata.GetMetadata<IAuthorizeData>() is not null)
            {
                using var posted = await world.SendAsync(Caller.Anonymous, HttpMethod.Post, PathOf(route, world));
                if (Classify(posted) != Outcome.SignIn) wrong.Add($"POST {route} as Anonymous: expected SignIn, got {Describe(posted, Classify(posted))}");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from the matrix:\n  {string.Join("\n  ", wrong)}");
    }

    /// <summary>The route as the matrix names it: its methods and its pattern; every static file is one row.</summary>
    private static string RouteOf(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? string.Join(",", m) : "*";
        if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null) return AccessMatrix.StaticAssets;
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
        return $"{methods} {pattern}";
    }

    private static Outcome? Classify(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        >= 200 and < 300 => Outcome.Ok,
        >= 300 and < 400 => ToSignIn(response.Headers.Location) ? Outcome.SignIn : Outcome.Ok,
        401 => Outcome.SignIn,
        403 => Outcome.No,
        404 => Outcome.Nf,
        400 => Outcome.Bad,
        _ => null,
    };

    private static bool ToSignIn(Uri? location) =>
        location is not null && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString).StartsWith("/signin", StringComparison.Ordinal);

    private static string Describe(HttpResponseMessage response, Outcome? outcome) =>
        $"{(int)response.StatusCode}{(outcome is { } o ? $" ({o})" : "")}{(response.Headers.Location is { } to ? $" to {to}" : "")}";

    private static async Task<string> SnippetAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    /// <summary>A page row's address in the seeded world, for the anonymous POST: the probe's own address.</summary>
    private static string PathOf(string route, AccessWorld world)
    {
        var pattern = route["GET,POST ".Length..];
        var path = new StringBuilder(pattern)
            .Replace("{InstanceId}", world.Statement).Replace("{Id}", world.Statement).Replace("{DefinitionId}", "joint-statement")
            .Replace("{Number:int}", "1").Replace("{From:int}", "1").Replace("{To:int}", "2");
        return path.ToString();
    }
}
