using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FocWorkflows.Benchmarks.Engine;

// `--quick` is shorthand for BenchmarkDotNet's short job (1 launch, 3 warm-ups, 3 iterations):
// minutes, not hours, at the price of wider error bars.
var arguments = args.SelectMany(a => a == "--quick" ? new[] { "--job", "short" } : [a]).ToArray();

// Op/s next to the mean: the engine benchmarks count one instance as one operation, so it reads
// as instances per second, comparable with the figures in the design notes. Reports go beside the
// test results, in the ignored artifacts folder.
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.OperationsPerSecond)
    .WithArtifactsPath(Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
BenchmarkSwitcher.FromAssembly(typeof(EngineHost).Assembly).Run(arguments, config);

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        if (File.Exists(Path.Combine(folder.FullName, "FocWorkflows.sln"))) return folder.FullName;
    return Directory.GetCurrentDirectory();
}
