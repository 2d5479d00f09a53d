using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Workflows;

/// <summary>
/// The coalition's standard workflows (joint statement, rapid response, charter, renewal,
/// consultation, conference), shipped as JSON files beside this class and embedded in the assembly.
/// </summary>
public static class StandardWorkflows
{
    public static IReadOnlyList<WorkflowDefinition> All { get; } = Load();

    private static List<WorkflowDefinition> Load()
    {
        var assembly = typeof(StandardWorkflows).Assembly;
        var definitions = new List<WorkflowDefinition>();
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Workflows.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal));
        foreach (var name in names.Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var read = DefinitionJson.Read(reader.ReadToEnd());
            definitions.Add(read.Definition ?? throw new InvalidOperationException(
                $"Standard workflow {name} does not read: {string.Join("; ", read.Findings.Select(f => $"{f.Path} {f.Message}"))}"));
        }
        return definitions;
    }
}
