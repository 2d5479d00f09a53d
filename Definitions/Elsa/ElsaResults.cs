using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// What an Elsa import produced. <see cref="Definition"/> is null only when the text is not an Elsa
/// workflow at all; otherwise every finding points at what was approximated or kept raw.
/// </summary>
public sealed record ElsaImportResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationFinding> Findings);

/// <summary>Elsa 3 JSON, and a finding for each node Elsa has no activity type for.</summary>
public sealed record ElsaExportResult(string Json, IReadOnlyList<ValidationFinding> Findings);
