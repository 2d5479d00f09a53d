using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Activities.Control;

public enum LogLevel { Information, Warning, Error }

[Activity(ControlActivityTypes.Log, "Control", "Log",
    Description = "Writes a line in the instance's journal (Elsa's WriteLine).", Outcomes = [Outcomes.Done])]
public sealed class LogActivity : Activity<LogActivity.Settings>
{
    public sealed record Settings(
        [property: Setting(Help = "The line to write; Liquid or JavaScript may compose it.", Multiline = true)] string Message,
        LogLevel Level = LogLevel.Information);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        context.Journal(JournalEvents.Log, new JsonObject { ["message"] = settings.Message, ["level"] = settings.Level.ToString().ToLowerInvariant() });
        context.SetOutput(JsonValue.Create(settings.Message));
        return ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Done));
    }
}
