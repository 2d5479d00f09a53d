using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Activities.Control;

[Activity(ControlActivityTypes.WaitForEvent, "Control", "Wait for event",
    Description = "Waits until POST /api/events/{name} arrives with this correlation key; its payload becomes the output.",
    Blocking = true, Outcomes = [Outcomes.Done])]
public sealed class WaitForEventActivity : Activity<WaitForEventActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "The event's name, e.g. steering-committee-decided.")] string EventName,
        [property: Setting(Help = "Which occurrence this instance waits for, e.g. the task force id.")] string? CorrelationKey = null);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct) =>
        ValueTask.FromResult(ActivityResult.Suspend(
            context.CreateBookmark(BookmarkKinds.Event, WorkflowRuntime.EventKey(settings.EventName, settings.CorrelationKey))));

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Settings settings, ResumeSignal signal, CancellationToken ct)
    {
        context.SetOutput(signal.Payload);
        return ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Done));
    }
}
