namespace FocWorkflows.Server.Engine.State;

/// <summary>
/// A definition as stored: the one editable draft (version 0) and the immutable published
/// versions (1, 2, ...), each the native JSON of the definition.
/// </summary>
public sealed class StoredDefinition
{
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public string? SavedBy { get; set; }

    public bool IsDraft => Version == 0;
}
