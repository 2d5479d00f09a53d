using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

[Activity(ControlActivityTypes.SetVariable, "Control", "Set variable",
    Description = "Stores a value in a workflow variable.", Outcomes = [Outcomes.Done])]
public sealed class SetVariableActivity : Activity<SetVariableActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "The variable's name.", Expressions = false)] string Variable,
        [property: Setting(Help = "The value: a literal, or JavaScript such as vars.round + 1.")] JsonNode? Value);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        context.SetVariable(settings.Variable, settings.Value);
        return ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Done));
    }
}
