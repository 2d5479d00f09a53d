using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FocWorkflows.Benchmarks;
using FocWorkflows.Benchmarks.Engine;

// `--probe [callers] [--by-type]`: a quick timed look at the engine round trip, without BenchmarkDotNet
// (AllocationProbe); with --by-type, where its bytes go.
if (args is ["--probe", ..])
{
    var callers = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
    await AllocationProbe.RunAsync(callers, args.Contains("--by-type"));
    return;
}

// `--quick` is shorthand for BenchmarkDotNet's short job (1 launch, 3 warm-ups, 3 iterations):
// minutes, not hours, at the price of wider error bars.
var arguments = args.SelectMany(a => a == "--quick" ? new[] { "--job", "short" } : [a]).ToArray();

// Op/s next to the mean: the engine benchmarks count one instance as one operation, so it reads
// as instances per second, comparable with the figures in the design notes. Reports go beside the
// test results, in the ignored artifacts folder. BenchmarkDotNet builds its boilerplate project with
// the server behind it; two minutes (its default) are not always enough on a busy two-core machine.
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.OperationsPerSecond)
    .WithBuildTimeout(TimeSpan.FromMinutes(10))
    .WithArtifactsPath(BenchmarkPaths.Artifacts);
BenchmarkSwitcher.FromAssembly(typeof(EngineHost).Assembly).Run(arguments, config);
