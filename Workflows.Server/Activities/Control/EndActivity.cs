using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

[Activity(ControlActivityTypes.End, "Control", "End",
    Description = "Finishes the workflow; anything still open (tasks, timers, branches) is closed.")]
public sealed class EndActivity : Activity<NoSettings>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, NoSettings settings, CancellationToken ct) =>
        ValueTask.FromResult(ActivityResult.EndInstance());
}
