using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Designer.Ports;

/// <summary>A definition as the designer lists it.</summary>
public sealed record DefinitionListItem(string Id, string Name, int? LatestVersion, bool HasDraft, DateTimeOffset UpdatedAt);

/// <summary>
/// What the designer needs from the server that hosts it. The designer never references the
/// server; the server implements this port.
/// </summary>
public interface IDesignerBackend
{
    IActivityCatalog Catalog { get; }

    Task<IReadOnlyList<DefinitionListItem>> ListDefinitionsAsync(CancellationToken ct);
}
