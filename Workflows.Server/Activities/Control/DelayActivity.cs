using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Activities.Control;

[Activity(ControlActivityTypes.Delay, "Control", "Delay",
    Description = "Waits for a duration or until a moment; a moment already past fires at once.",
    Blocking = true, Outcomes = [Outcomes.Done])]
public sealed class DelayActivity : Activity<DelayActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "How long to wait, as an ISO 8601 duration (PT72H, P3D).")] TimeSpan? Duration = null,
        [property: Setting(Help = "Or the moment to wait for, with its offset (2026-12-01T17:00:00+01:00).")] DateTimeOffset? Until = null);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        if (Deadline.From(settings.Duration, settings.Until, context.Now) is not { } due)
            return ValueTask.FromResult(ActivityResult.Fault("A delay needs exactly one of 'duration' or 'until'."));
        return ValueTask.FromResult(ActivityResult.Suspend(context.CreateBookmark(BookmarkKinds.Timer, dueAt: due)));
    }
}
