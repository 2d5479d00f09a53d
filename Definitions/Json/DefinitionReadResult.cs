using System.Diagnostics.CodeAnalysis;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Json;

/// <summary>
/// A definition read from JSON, or why it could not be read. Reading checks only shape; what the
/// definition means (types, settings, graph) is <see cref="DefinitionValidator"/>'s job.
/// </summary>
public sealed record DefinitionReadResult
{
    private DefinitionReadResult(WorkflowDefinition? definition, IReadOnlyList<ValidationFinding> findings)
    {
        Definition = definition;
        Findings = findings;
    }

    public WorkflowDefinition? Definition { get; }

    /// <summary>Empty when <see cref="Succeeded"/>; otherwise every problem found, with its path.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;

    public static DefinitionReadResult Success(WorkflowDefinition definition) => new(definition, []);

    public static DefinitionReadResult Failure(IReadOnlyList<ValidationFinding> findings) =>
        findings.Count == 0
            ? throw new ArgumentException("A failed read needs at least one finding.", nameof(findings))
            : new(null, findings);
}
