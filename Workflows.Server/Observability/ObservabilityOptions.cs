using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Observability;

/// <summary>Where metrics and traces go (section <c>OpenTelemetry</c>). Without an endpoint they stay in the process.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "OpenTelemetry";
    public const string EndpointKey = SectionName + ":OtlpEndpoint";

    /// <summary>OpenTelemetry's own variable, which its OTLP exporter reads; honoured like our key.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>An OTLP collector's base address, e.g. <c>http://localhost:4317</c> (gRPC) or <c>:4318</c> (http/protobuf).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The value of <see cref="StandardEndpointVariable"/>, read from configuration (not bound from the section).</summary>
    public string? StandardEndpoint { get; set; }

    /// <summary>Whether a usable collector address is set, by our key or the standard variable.</summary>
    public bool Exports => Endpoint is not null || HttpUri(StandardEndpoint) is not null;

    /// <summary>Our key wins over the standard variable; null when neither is a usable address.</summary>
    public Uri? Endpoint => Has(OtlpEndpoint) ? HttpUri(OtlpEndpoint) : null;

    public static ObservabilityOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        options.StandardEndpoint = configuration[StandardEndpointVariable];
        return options;
    }

    internal static Uri? HttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}

/// <summary>A mistyped collector address would drop every metric in silence: fail at start naming the key.</summary>
internal sealed class ObservabilityOptionsValidation : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions o)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.OtlpEndpoint) && ObservabilityOptions.HttpUri(o.OtlpEndpoint) is null)
            errors.Add($"{ObservabilityOptions.EndpointKey} must be an absolute http or https URL (e.g. http://localhost:4317).");
        if (!string.IsNullOrWhiteSpace(o.StandardEndpoint) && ObservabilityOptions.HttpUri(o.StandardEndpoint) is null)
            errors.Add($"{ObservabilityOptions.StandardEndpointVariable} must be an absolute http or https URL (e.g. http://localhost:4317).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
