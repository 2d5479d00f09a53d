using BenchmarkDotNet.Attributes;
using FocWorkflows.Benchmarks.Engine;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Definitions.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Benchmarks.Definitions;

/// <summary>
/// The standard joint statement (Definitions/Workflows/joint-statement.json): read from its JSON,
/// validated against the server's real activity catalog, and written back.
/// </summary>
[MemoryDiagnoser]
public class DefinitionBenchmarks
{
    private const string WorkflowId = "joint-statement";

    private EngineHost? _engine;
    private DefinitionValidator? _validator;
    private WorkflowDefinition? _definition;
    private string _json = "";

    [GlobalSetup]
    public void Load()
    {
        var assembly = typeof(StandardWorkflows).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".{WorkflowId}.json", StringComparison.Ordinal));
        using (var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!)) _json = reader.ReadToEnd();
        _definition = StandardWorkflows.All.Single(w => w.Id == WorkflowId);
        // The catalog comes from the server's activity registry; building the services touches no database.
        _engine = EngineHost.Create();
        _validator = new DefinitionValidator(_engine.Services.GetRequiredService<IActivityCatalog>());

        if (Read().Definition is null) throw new InvalidOperationException($"{WorkflowId}.json does not read.");
        if (Validate() is { Count: > 0 } findings) throw new InvalidOperationException($"{WorkflowId} has {findings.Count} findings.");
    }

    [GlobalCleanup]
    public void Cleanup() => _engine!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Read joint-statement.json")]
    public DefinitionReadResult Read() => DefinitionJson.Read(_json);

    [Benchmark(Description = "Validate joint-statement")]
    public IReadOnlyList<ValidationFinding> Validate() => _validator!.Validate(_definition!);

    [Benchmark(Description = "Write joint-statement as JSON")]
    public string Write() => DefinitionJson.Write(_definition!);
}
