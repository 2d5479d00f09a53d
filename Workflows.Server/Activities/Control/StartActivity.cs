using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

[Activity(ControlActivityTypes.Start, "Control", "Start", Description = "Where the workflow begins.", Outcomes = [Outcomes.Done])]
public sealed class StartActivity : Activity<NoSettings>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, NoSettings settings, CancellationToken ct) =>
        ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Done));
}
