using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

public enum FieldType { Text, MultilineText, Number, Boolean, Date, Choice }

[Activity(ControlActivityTypes.HumanTask, "Control", "Human task",
    Description = "Puts a task in the assignees' inboxes; the action they choose is the outcome.",
    Blocking = true, OutcomesFromSetting = "actions")]
public sealed class HumanTaskActivity : Activity<HumanTaskActivity.Settings>
{
    /// <summary>A simple form field the assignee fills in when completing the task.</summary>
    public sealed record Field(string Name, string? Label = null, FieldType Type = FieldType.Text, bool Required = false, IReadOnlyList<string>? Options = null);

    public sealed record Settings(
        [property: Setting(Help = "What the assignee must do, e.g. 'Approve the charter'.")] string Title,
        [property: Setting(Help = "E-mail addresses, or role:NAME (e.g. role:secretariat).")] IReadOnlyList<string> Assignees,
        [property: Setting(Help = "Due after this long, as an ISO 8601 duration.")] TimeSpan? DueIn = null,
        [property: Setting(Help = "Or due at this moment.")] DateTimeOffset? DueAt = null,
        [property: Setting(Help = "The actions the assignee may choose; each is an outcome.", Expressions = false, DefaultJson = "[\"Complete\"]")] IReadOnlyList<string>? Actions = null,
        [property: Setting(Help = "Form fields: name, label, type, required.")] IReadOnlyList<Field>? Fields = null);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        if (settings.Assignees.Count == 0) return ValueTask.FromResult(ActivityResult.Fault("A human task needs at least one assignee."));
        var due = settings.DueAt?.ToUniversalTime() ?? (settings.DueIn is { } d ? context.Now + d : null);
        var fields = JsonSerializer.SerializeToNode(settings.Fields ?? [], SettingsJson.Options) as JsonArray;
        var bookmark = context.CreateTask(settings.Title, settings.Assignees, settings.Actions ?? ["Complete"], due, fields);
        return ValueTask.FromResult(ActivityResult.Suspend(bookmark));
    }

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Settings settings, ResumeSignal signal, CancellationToken ct)
    {
        var action = signal.Payload?["action"]?.GetValue<string>() ?? "Complete";
        context.SetOutput(new JsonObject { ["action"] = action, ["data"] = signal.Payload?["data"]?.DeepClone(), ["by"] = signal.Actor });
        return ValueTask.FromResult(ActivityResult.Outcome(action));
    }
}
