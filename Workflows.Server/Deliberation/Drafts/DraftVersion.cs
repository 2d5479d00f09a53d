namespace FocWorkflows.Server.Deliberation.Drafts;

/// <summary>
/// One immutable version of an instance's draft text, numbered 1, 2, 3… per instance. Comments
/// and publications refer to a version by its number, so a version is never changed once recorded.
/// </summary>
public sealed class DraftVersion
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }

    /// <summary>The draft step that received it.</summary>
    public required string NodeId { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required string Markdown { get; init; }
    public string? Note { get; init; }

    /// <summary>Who sent it: the pen-holder, or the secretariat acting for <see cref="OnBehalfOf"/>.</summary>
    public required string SubmittedBy { get; init; }
    public string? OnBehalfOf { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
