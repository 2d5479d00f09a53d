using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Designer.Ports;

/// <summary>What publishing answered: the new version, or why not (findings, or a problem such as a concurrent publish).</summary>
public sealed record PublishOutcome(int? Version, IReadOnlyList<ValidationFinding> Findings, string? Problem = null)
{
    public bool Published => Version is not null;
}

/// <summary>What saving answered: the draft's findings, or why it was not saved (the editor keeps the work on screen).</summary>
public sealed record SaveOutcome(bool Saved, IReadOnlyList<ValidationFinding> Findings, string? Problem = null)
{
    public static SaveOutcome Refused(string problem) => new(false, [], problem);
}

/// <summary>Loading, saving and publishing the definition the editor works on.</summary>
public interface IDefinitionEditingPort
{
    /// <summary>The draft if there is one, else the latest published version; null for an unknown id.</summary>
    Task<WorkflowDefinition?> LoadAsync(string id, CancellationToken ct);

    /// <summary>Saves the draft, well formed or not, and returns its findings; refuses when the signed-in person may not.</summary>
    Task<SaveOutcome> SaveDraftAsync(WorkflowDefinition definition, CancellationToken ct);

    /// <summary>Publishes the saved draft as the next version, unless it has findings.</summary>
    Task<PublishOutcome> PublishAsync(string id, CancellationToken ct);
}
