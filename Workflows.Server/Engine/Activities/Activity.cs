using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Server.Engine.Activities;

/// <summary>What the interpreter needs from any activity, whatever its settings type.</summary>
public interface IActivity
{
    Type SettingsType { get; }

    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, object settings, CancellationToken ct);

    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, object settings, ResumeSignal signal, CancellationToken ct);

    /// <summary>What the journal's <c>resumed</c> line keeps of a person's payload.</summary>
    JsonNode? JournaledPayload(JsonNode? payload);
}

/// <summary>
/// The base class of every activity. <typeparamref name="TSettings"/> is a record whose parameters
/// are the node's settings: the catalog (and so the designer's properties panel) is generated from
/// it, and the interpreter evaluates expressions and binds the values before calling the activity.
/// Activities never touch the network or write to the database: they act through <see cref="ActivityContext"/>.
/// What they read (the directory, drafts, consultations...) comes through narrow read ports taken in their
/// constructor, never from the service provider: each activity is a singleton built once with its ports.
/// </summary>
public abstract class Activity<TSettings> : IActivity where TSettings : class
{
    public Type SettingsType => typeof(TSettings);

    /// <summary>Runs when a token reaches the node.</summary>
    protected abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, TSettings settings, CancellationToken ct);

    /// <summary>Runs when one of the node's bookmarks is resumed; by default the step is done.</summary>
    protected virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, TSettings settings, ResumeSignal signal, CancellationToken ct) =>
        ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Done));

    /// <summary>
    /// What the journal's <c>resumed</c> line keeps of a person's payload: by default all of it. An activity that
    /// records a long text itself (a draft version, a translation) keeps a reference to it instead, so the
    /// record stays small.
    /// </summary>
    public virtual JsonNode? JournaledPayload(JsonNode? payload) => payload?.DeepClone();

    ValueTask<ActivityResult> IActivity.ExecuteAsync(ActivityContext context, object settings, CancellationToken ct) =>
        ExecuteAsync(context, (TSettings)settings, ct);

    ValueTask<ActivityResult> IActivity.ResumeAsync(ActivityContext context, object settings, ResumeSignal signal, CancellationToken ct) =>
        ResumeAsync(context, (TSettings)settings, signal, ct);
}

/// <summary>For activities without settings.</summary>
public sealed record NoSettings;

/// <summary>What woke a bookmark: its timer falling due, or a person (and what they sent).</summary>
public sealed record ResumeSignal(State.Bookmark Bookmark, JsonNode? Payload, string? Actor, string? OnBehalfOf = null, bool ByTimer = false)
{
    /// <summary>The <c>action</c> a person asked for, e.g. <c>extend</c>; null for timers.</summary>
    public string? Action => Payload?["action"] is JsonValue v && v.TryGetValue<string>(out var a) ? a : null;
}
