using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FocWorkflows.Server.Observability;

namespace FocWorkflows.Server.Tests.Observability;

/// <summary>
/// Every measurement of some of <see cref="EngineTelemetry"/>'s instruments while it is alive, read as
/// dotnet-counters or OpenTelemetry would. The meter is static and other tests' servers share the process,
/// so a test finds its own measurements by a value or tag only it produces.
/// </summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _all = new();

    public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);

    public RecordedMeasurements(params string[] instruments)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EngineTelemetry.MeterName && instruments.Contains(instrument.Name))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Of(string instrument) => [.. _all.Where(m => m.Instrument == instrument)];

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, object?>();
        foreach (var tag in tags) copied[tag.Key] = tag.Value;
        _all.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, copied));
    }

    public void Dispose() => _listener.Dispose();
}
