using FocWorkflows.Server.Observability;
using FocWorkflows.Server.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FocWorkflows.Server.Tests.Observability;

/// <summary>Exporting is off unless an endpoint is configured; a bad endpoint stops the start, a good one exports.</summary>
public sealed class ObservabilityStartupTests
{
    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://collector.example:4317")]
    [InlineData("collector:4317")]
    public void Start_OtlpEndpointNotAnHttpUrl_FailsNamingTheKey(string endpoint)
    {
        var failures = StartupFailure.ValidationFailuresOf(() => new TestApp(settings: new Dictionary<string, string?> { [ObservabilityOptions.EndpointKey] = endpoint }));

        Assert.Contains(failures, f => f.Contains("OpenTelemetry:OtlpEndpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_StandardEndpointVariableNotAUrl_FailsNamingTheVariable()
    {
        var failures = StartupFailure.ValidationFailuresOf(() => new TestApp(settings: new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "not a url" }));

        Assert.Contains(failures, f => f.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_OtlpEndpointWithoutACollector_StartsAndServes()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { [ObservabilityOptions.EndpointKey] = "http://127.0.0.1:4317" });

        var response = await app.ClientAs(People.Chair).GetAsync("/api/definitions");

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    [Theory]
    [InlineData(ObservabilityOptions.EndpointKey)]
    [InlineData(ObservabilityOptions.StandardEndpointVariable)]
    public async Task Stop_EndpointOverHttpProtobuf_ExportsTracesAndMetricsToTheirSignalPaths(string endpointKey)
    {
        using var collector = WireMockServer.Start();
        collector.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        var app = new TestApp(settings: new Dictionary<string, string?>
        {
            [endpointKey] = $"http://127.0.0.1:{collector.Port}",
            // OpenTelemetry's own key for the protocol, read from configuration as from the environment.
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        using (app)
        {
            var response = await app.ClientAs(People.Chair).GetAsync("/api/definitions");
            Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        }

        // Stopping flushes what is batched: the request's span and the metrics so far.
        var paths = collector.LogEntries.Select(e => e.RequestMessage!.AbsolutePath).ToList();
        Assert.Contains("/v1/traces", paths);
        Assert.Contains("/v1/metrics", paths);
    }
}
