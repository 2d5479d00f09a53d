using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

[Activity(ControlActivityTypes.Fork, "Control", "Fork",
    Description = "Starts parallel branches, one per name.", OutcomesFromSetting = "branches")]
public sealed class ForkActivity : Activity<ForkActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "The names of the branches; each is an outcome.", Expressions = false)] IReadOnlyList<string> Branches);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct) =>
        ValueTask.FromResult(ActivityResult.Outcome([.. settings.Branches]));
}
