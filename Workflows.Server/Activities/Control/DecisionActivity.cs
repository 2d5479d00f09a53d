using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

[Activity(ControlActivityTypes.Decision, "Control", "Decision",
    Description = "Takes the True or the False path depending on a condition.", Outcomes = [Outcomes.True, Outcomes.False])]
public sealed class DecisionActivity : Activity<DecisionActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "A JavaScript condition, e.g. vars.round < 3.")] bool Condition);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct) =>
        ValueTask.FromResult(ActivityResult.Outcome(settings.Condition ? Outcomes.True : Outcomes.False));
}
