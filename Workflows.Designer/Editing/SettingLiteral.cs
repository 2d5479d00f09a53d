using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Designer.Editing;

/// <summary>What a typed editor's text means as a literal setting value, or why it means nothing.</summary>
public readonly record struct ParsedLiteral(JsonNode? Value, string? Error);

/// <summary>
/// Converts between a setting's JSON literal and the text its editor shows. Date-times are edited in
/// UTC (a datetime-local input has no offset, and the validator requires one).
/// </summary>
public static class SettingLiteral
{
    private const string LocalDateTimeFormat = "yyyy-MM-ddTHH:mm";

    public static string ToText(SettingDescriptor setting, JsonNode? value)
    {
        if (value is null) return "";
        return setting.Type switch
        {
            SettingType.StringList when value is JsonArray items =>
                string.Join("\n", items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : i?.ToJsonString() ?? "")),
            SettingType.DateTime when value is JsonValue v && v.TryGetValue<string>(out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
                at.UtcDateTime.ToString(LocalDateTimeFormat, CultureInfo.InvariantCulture),
            SettingType.ObjectList or SettingType.Json => value.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
            _ when value is JsonValue v && v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
    }

    /// <summary>Blank text clears the setting (null); otherwise the typed value or an error naming what is expected.</summary>
    public static ParsedLiteral Parse(SettingDescriptor setting, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(null, null);
        var trimmed = text.Trim();
        return setting.Type switch
        {
            SettingType.Number => double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? new(JsonValue.Create(n), null) : Expected(setting),
            SettingType.Integer => long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                ? new(JsonValue.Create(i), null) : Expected(setting),
            SettingType.Boolean => bool.TryParse(trimmed, out var b) ? new(JsonValue.Create(b), null) : Expected(setting),
            SettingType.Duration => SettingTypeCheck.IsDuration(trimmed) ? new(JsonValue.Create(trimmed), null) : Expected(setting),
            SettingType.DateTime => DateTime.TryParseExact(trimmed, [LocalDateTimeFormat, LocalDateTimeFormat + ":ss"], CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? new(JsonValue.Create(at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)), null) : Expected(setting),
            SettingType.Choice => setting.Options.Contains(trimmed, StringComparer.Ordinal) ? new(JsonValue.Create(trimmed), null) : Expected(setting),
            SettingType.StringList => new(new JsonArray([.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
                .Select(l => (JsonNode?)JsonValue.Create(l))]), null),
            SettingType.ObjectList or SettingType.Json => ParseJson(setting, trimmed),
            _ => new(JsonValue.Create(text), null),
        };
    }

    private static ParsedLiteral ParseJson(SettingDescriptor setting, string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            return node is null || SettingTypeCheck.Accepts(setting, node) ? new(node, null) : Expected(setting);
        }
        catch (JsonException e)
        {
            return new(null, $"This is not JSON: {e.Message}");
        }
    }

    private static ParsedLiteral Expected(SettingDescriptor setting) =>
        new(null, $"{setting.DisplayName ?? setting.Name} must be {SettingTypeCheck.Expectation(setting)}.");
}
