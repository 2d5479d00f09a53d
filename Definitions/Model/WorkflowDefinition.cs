namespace FocWorkflows.Definitions.Model;

/// <summary>
/// A workflow as people design it: a flowchart of activity nodes joined by outcome-labelled
/// connections. Drafts and published versions share this shape; a published one is never changed.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Stable kebab-case id, e.g. <c>joint-statement</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Published version number; 0 for a draft that was never published.</summary>
    public int Version { get; init; }

    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>What the person launching the workflow fills in.</summary>
    public IReadOnlyList<InputDeclaration> Inputs { get; init; } = [];

    public IReadOnlyList<VariableDeclaration> Variables { get; init; } = [];
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];
    public IReadOnlyList<Connection> Connections { get; init; } = [];

    public ActivityNode? FindNode(string nodeId) => Activities.FirstOrDefault(a => a.Id == nodeId);

    public IEnumerable<Connection> ConnectionsFrom(string nodeId) => Connections.Where(c => c.From == nodeId);

    public IEnumerable<Connection> ConnectionsTo(string nodeId) => Connections.Where(c => c.To == nodeId);
}
