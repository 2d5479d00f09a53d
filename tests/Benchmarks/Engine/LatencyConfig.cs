using BenchmarkDotNet.Configs;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// For the latency scenarios, where one iteration is one call: the median and the tail (P50, P95, P99)
/// of all calls, none dropped as an outlier (a slow call is the point), and the process's resident memory.
/// </summary>
public sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        AddColumn(new PercentileColumn(50), new PercentileColumn(95), new PercentileColumn(99));
        AddColumn(new ResidentMemoryColumn(ResidentMemory.AfterSetup), new ResidentMemoryColumn(ResidentMemory.Peak));
    }
}
