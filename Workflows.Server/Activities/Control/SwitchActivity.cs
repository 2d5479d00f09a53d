using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

public enum SwitchMode { MatchFirst, MatchAll }

[Activity(ControlActivityTypes.Switch, "Control", "Switch",
    Description = "Takes the path of the first (or every) case whose condition holds, else Default.",
    Outcomes = [Outcomes.Default], OutcomesFromSetting = "cases")]
public sealed class SwitchActivity : Activity<SwitchActivity.Settings>
{
    public sealed record Case(string Name, JsonNode? Condition);

    public sealed record Settings(
        [property: Setting(Help = "Each case has a name (its outcome) and a JavaScript condition.")] IReadOnlyList<Case> Cases,
        SwitchMode Mode = SwitchMode.MatchFirst);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        var matched = new List<string>();
        foreach (var @case in settings.Cases)
        {
            if (!IsTrue(context.Evaluate(@case.Condition))) continue;
            matched.Add(@case.Name);
            if (settings.Mode == SwitchMode.MatchFirst) break;
        }
        return ValueTask.FromResult(ActivityResult.Outcome(matched.Count > 0 ? [.. matched] : [Outcomes.Default]));
    }

    private static bool IsTrue(JsonNode? value) => value is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
