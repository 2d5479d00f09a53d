using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Deliberation.Drafts;

/// <summary>
/// What a workflow step reads of an instance's draft versions: the latest one, to number the next version
/// or to publish it. A port of its own, so the draft and publication steps take this one read in their
/// constructor rather than the whole store (which also serves the API) or the service provider.
/// </summary>
public interface IDraftReads
{
    /// <summary>
    /// The latest version as the step sees it: one submitted earlier in the same burst (the draft step just
    /// before) counts, though it is not saved yet.
    /// </summary>
    Task<DraftVersion?> LatestAsync(ActivityContext context, CancellationToken ct);
}
