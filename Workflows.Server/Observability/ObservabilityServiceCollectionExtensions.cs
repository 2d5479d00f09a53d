using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FocWorkflows.Server.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    public const string ServiceName = "FocWorkflows";

    /// <summary>
    /// OpenTelemetry metrics (the product's meter, ASP.NET Core, HTTP client, runtime) and traces (the
    /// engine's bursts, ASP.NET Core, HTTP client). Exported over OTLP only when an endpoint is configured;
    /// otherwise nothing leaves the process and nothing is printed, but the instruments are there to read.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName)
            .Configure<IConfiguration>((o, config) => o.StandardEndpoint = config[ObservabilityOptions.StandardEndpointVariable])
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidation>();

        // Read now, not from the container: whether an exporter exists is decided while services are added.
        // An invalid address adds none here; the validation above then stops the start naming the key.
        var configured = ObservabilityOptions.From(configuration);
        var exports = configured.Exports;
        var endpoint = configured.Endpoint;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EngineTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (exports) metrics.AddOtlpExporter(o => PointAt(o, endpoint, "v1/metrics"));
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(EngineTelemetry.ActivitySourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (exports) tracing.AddOtlpExporter(o => PointAt(o, endpoint, "v1/traces"));
            });
        return services;
    }

    /// <summary>
    /// Our key's address is a base, as the standard variable's is. The exporter appends the signal's path
    /// (http/protobuf) only to the variable's address, so for our key it is appended here. Without our key
    /// the exporter keeps what it read from the standard variable.
    /// </summary>
    private static void PointAt(OtlpExporterOptions exporter, Uri? endpoint, string signalPath)
    {
        if (endpoint is null) return;
        exporter.Endpoint = exporter.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }
}
