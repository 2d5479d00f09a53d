using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>Request bodies and response checks for the API tests, which talk real HTTP to the in-memory server.</summary>
public static class ApiHttp
{
    public const string ProblemTypeBase = "https://focworkflows.dev/problems/";

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent JsonBody(WorkflowDefinition definition) => JsonBody(DefinitionJson.Write(definition));

    public static StringContent JsonBody(object body) => JsonBody(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    public static async Task<JsonObject> BodyAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Expected a JSON object, got: {text}");
    }

    public static async Task<JsonArray> ArrayAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonArray ?? throw new Xunit.Sdk.XunitException($"Expected a JSON array, got: {text}");
    }

    /// <summary>Asserts the status first (showing the body when it differs), then returns the body.</summary>
    public static async Task<JsonObject> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {(text.Length > 600 ? text[..600] + "..." : text)}");
        return JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Expected a JSON object, got: {text}");
    }

    /// <summary>Asserts an RFC 9457 problem with this status and type slug, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string typeSlug)
    {
        var problem = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProblemTypeBase + typeSlug, problem["type"]?.GetValue<string>());
        Assert.Equal((int)status, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), "A problem needs a title.");
        return problem;
    }

    /// <summary>The problem's <c>errors</c> keys, so a test can check which fields were named.</summary>
    public static IReadOnlyList<string> ErrorKeys(this JsonObject problem) =>
        problem["errors"] is JsonObject errors ? [.. errors.Select(e => e.Key)] : [];

    public static string Str(this JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No string '{property}' in {node?.ToJsonString()}");

    public static DateTimeOffset Time(this JsonNode? node, string property) => DateTimeOffset.Parse(node.Str(property), CultureInfo.InvariantCulture);
}
