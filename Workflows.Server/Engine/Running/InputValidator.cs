using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.Activities;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Checks a launch input against the definition's declared inputs and fills in defaults. Every
/// problem is reported at once, keyed by <c>input.NAME</c>.
/// </summary>
public static class InputValidator
{
    /// <summary>The input field that names the instance's task force when the request does not.</summary>
    public const string TaskForceIdInput = "taskForceId";

    public static JsonObject Validate(WorkflowDefinition definition, JsonObject? input)
    {
        input ??= [];
        var errors = new Dictionary<string, string[]>();
        var result = new JsonObject();
        foreach (var declared in definition.Inputs)
        {
            var present = input.TryGetPropertyValue(declared.Name, out var value) && value is not null
                && !(value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()));
            if (!present)
            {
                if (declared.Default is not null) result[declared.Name] = declared.Default.DeepClone();
                else if (declared.Required) errors[$"input.{declared.Name}"] = [$"'{declared.Label ?? declared.Name}' is required."];
                continue;
            }
            if (Problem(declared.Type, value!) is { } problem) errors[$"input.{declared.Name}"] = [problem];
            else result[declared.Name] = value!.DeepClone();
        }
        // Undeclared fields are kept: Elsa-style workflows read free-form input with getInput().
        foreach (var (name, value) in input)
            if (!result.ContainsKey(name) && definition.Inputs.All(i => i.Name != name)) result[name] = value?.DeepClone();

        // The runtime files the instance under input.taskForceId, declared or not; it must be text.
        if (result[TaskForceIdInput] is { } taskForce && taskForce.GetValueKind() != JsonValueKind.String)
            errors.TryAdd($"input.{TaskForceIdInput}", ["must be text: the id of a task force."]);

        if (errors.Count > 0) throw WorkflowProblem.Invalid("The input is not valid", errors);
        return result;
    }

    // The node may hold an int, a double or raw JSON; its text is the one reliable form.
    private static bool IsWhole(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d);

    private static string? Problem(ValueType type, JsonNode value)
    {
        var kind = value.GetValueKind();
        return type switch
        {
            ValueType.String or ValueType.Text or ValueType.Person or ValueType.TaskForce when kind != JsonValueKind.String => "must be text.",
            ValueType.Number when kind != JsonValueKind.Number => "must be a number.",
            ValueType.Integer when kind != JsonValueKind.Number || !IsWhole(value) => "must be a whole number.",
            ValueType.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => "must be true or false.",
            ValueType.DateTime when kind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "must be a date and time in ISO 8601 with an offset, e.g. 2026-12-01T17:00:00+01:00.",
            ValueType.Duration when kind != JsonValueKind.String || SettingsJson.ParseDuration(value.GetValue<string>()) is null => "must be an ISO 8601 duration, e.g. P3D or PT72H.",
            ValueType.StringList when value is not JsonArray list || list.Any(i => i?.GetValueKind() != JsonValueKind.String) => "must be a list of text values.",
            // One-line values end up in titles and names; the stored columns hold Limits.Line.
            ValueType.String or ValueType.Person or ValueType.TaskForce when value.GetValue<string>().Length > Limits.Line => Limits.TooLong(Limits.Line),
            ValueType.Text when value.GetValue<string>().Length > Limits.Text => Limits.TooLong(Limits.Text),
            ValueType.StringList when value.AsArray().Count > Limits.ListItems => $"At most {Limits.ListItems} items.",
            ValueType.StringList when value.AsArray().Any(i => i!.GetValue<string>().Length > Limits.Line) => $"Each item has at most {Limits.Line} characters.",
            _ => null,
        };
    }
}
