using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Control;

/// <summary>
/// The human task's contract with whoever completes it: the form its step asked for, judged field by field.
/// It lives with the activity, not the engine, which knows no activity's settings.
/// </summary>
public static class HumanTaskForm
{
    /// <summary>Each field of <paramref name="fieldsJson"/> (the task's form, as its step stored it) that <paramref name="data"/> does not fill in rightly.</summary>
    public static IEnumerable<(string Field, string Problem)> Problems(string fieldsJson, JsonObject? data)
    {
        foreach (var field in JsonSerializer.Deserialize<HumanTaskActivity.Field[]>(fieldsJson, SettingsJson.Options) ?? [])
            if (Problem(field, data?[field.Name]) is { } problem) yield return (field.Name, problem);
    }

    private static string? Problem(HumanTaskActivity.Field field, JsonNode? value)
    {
        var label = field.Label ?? field.Name;
        if (value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>())))
            return field.Required ? $"'{label}' is required." : null;
        var kind = value.GetValueKind();
        return field.Type switch
        {
            FieldType.Number when kind != JsonValueKind.Number => $"'{label}' must be a number.",
            FieldType.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => $"'{label}' must be true or false.",
            FieldType.Date when kind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, out _) => $"'{label}' must be a date.",
            FieldType.Choice when kind != JsonValueKind.String || field.Options?.Contains(value.GetValue<string>()) == false => $"'{label}' must be one of: {string.Join(", ", field.Options ?? [])}.",
            FieldType.Text or FieldType.MultilineText when kind != JsonValueKind.String => $"'{label}' must be text.",
            FieldType.Text when value.GetValue<string>().Length > Limits.Line => $"'{label}' has at most {Limits.Line} characters.",
            FieldType.MultilineText when value.GetValue<string>().Length > Limits.Text => $"'{label}' has at most {Limits.Text} characters.",
            _ => null,
        };
    }
}
