using System.Diagnostics.Metrics;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>The journal's instruments on the product's meter, for whatever collects metrics (OpenTelemetry, dotnet-counters).</summary>
public sealed class JournalMetrics
{
    public const string MeterName = "FocWorkflows";
    public const string BrokenInstancesName = "foc.journal.broken_instances";

    private readonly Counter<long> _brokenInstances;

    public JournalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _brokenInstances = meter.CreateCounter<long>(BrokenInstancesName, unit: "{instance}",
            description: "Instances whose journal failed verification, added at every background check that finds them (alert on any increase).");
    }

    public void BrokenInstancesFound(long count) => _brokenInstances.Add(count);
}
