using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Designer.Ports;

/// <summary>A published version as the history lists it.</summary>
public sealed record DefinitionVersion(int Version, string Name, DateTimeOffset PublishedAt, string? PublishedBy);

/// <summary>What an import did: the draft it saved (null when unreadable), the format detected, whether nodes were placed, and the findings.</summary>
public sealed record ImportOutcome(string? DefinitionId, string Format, bool LaidOut, IReadOnlyList<ValidationFinding> Findings)
{
    public bool Saved => DefinitionId is not null;
}

/// <summary>A definition's published versions, and importing one as a draft.</summary>
public interface IDefinitionVersionsPort
{
    /// <summary>Newest first; empty for an unknown id or one never published.</summary>
    Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string id, CancellationToken ct);

    Task<WorkflowDefinition?> GetVersionAsync(string id, int version, CancellationToken ct);

    /// <summary>Reads native or Elsa 3 JSON (detected) and saves it as a draft, placing nodes that have no position.</summary>
    Task<ImportOutcome> ImportAsync(string json, CancellationToken ct);
}
