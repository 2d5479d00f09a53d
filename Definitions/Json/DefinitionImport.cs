using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Layout;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Json;

/// <summary>What an import read: the definition (null when unreadable), the format detected and what was approximated.</summary>
public sealed record ImportedDefinition(WorkflowDefinition? Definition, string Format, bool LaidOut, IReadOnlyList<ValidationFinding> Findings);

/// <summary>Reads native or Elsa 3 JSON (detected), placing nodes that came without a position.</summary>
public static class DefinitionImport
{
    public static ImportedDefinition Read(string json)
    {
        var elsa = ElsaFormat.Detect(json);
        var (definition, findings) = elsa
            ? new ElsaImporter().Import(json) is var e ? (e.Definition, e.Findings) : default
            : DefinitionJson.Read(json) is var n ? (n.Definition, n.Findings) : default;
        var laidOut = definition is not null && AutoLayout.NeedsLayout(definition);
        if (laidOut) definition = AutoLayout.Apply(definition!);
        return new ImportedDefinition(definition, elsa ? "elsa" : "native", laidOut, findings);
    }
}
