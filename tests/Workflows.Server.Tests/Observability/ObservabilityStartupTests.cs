using System.Collections.Concurrent;
using FocWorkflows.Server.Observability;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WireMock;
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
    public async Task Export_EndpointOverHttpProtobuf_SendsTracesAndMetricsToTheirSignalPaths(string endpointKey)
    {
        using var collector = WireMockServer.Start();
        // Noted before answering: WireMock's own log is written after the answer, which the exporter may not wait for.
        var paths = new ConcurrentQueue<string>();
        collector.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            paths.Enqueue(request.AbsolutePath);
            return new ResponseMessage { StatusCode = 200 };
        }));
        using var app = new TestApp(settings: new Dictionary<string, string?>
        {
            [endpointKey] = $"http://127.0.0.1:{collector.Port}",
            // OpenTelemetry's own key for the protocol, read from configuration as from the environment.
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        var response = await app.ClientAs(People.Chair).GetAsync("/api/definitions");
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());

        // Flushed by hand rather than waiting for the export interval; again until the request's span has ended.
        var traces = app.Services.GetRequiredService<TracerProvider>();
        var metrics = app.Services.GetRequiredService<MeterProvider>();
        await TestApp.EventuallyAsync(() =>
        {
            traces.ForceFlush(5000);
            metrics.ForceFlush(5000);
            return Task.FromResult(paths.Contains("/v1/traces") && paths.Contains("/v1/metrics"));
        }, $"the collector received traces and metrics (it received: {string.Join(", ", paths)})");
    }
}
