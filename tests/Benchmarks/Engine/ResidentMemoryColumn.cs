using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>A summary column with the resident memory a benchmark noted (<see cref="ResidentMemory"/>) at one moment.</summary>
public sealed class ResidentMemoryColumn(string moment) : IColumn
{
    public string Id => $"{nameof(ResidentMemoryColumn)}.{moment}";
    public string ColumnName => $"Resident {moment}";
    public string Legend => $"Working set of the benchmark process (server included) {moment}, after a full collection, in MB";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => moment == ResidentMemory.Peak ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        ResidentMemory.Read(NameOf(benchmarkCase), moment) is { } mb ? $"{mb:N0} MB" : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>The name a benchmark notes its memory under: its class and method.</summary>
    public static string NameOf(BenchmarkCase benchmarkCase) =>
        $"{benchmarkCase.Descriptor.Type.Name}.{benchmarkCase.Descriptor.WorkloadMethod.Name}";
}
