using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Definitions.Validation;

/// <summary>Whether a literal setting value fits its <see cref="SettingType"/>; expressions are checked elsewhere.</summary>
public static partial class SettingTypeCheck
{
    public static bool Accepts(SettingDescriptor setting, JsonNode literal) => setting.Type switch
    {
        SettingType.Text or SettingType.MultilineText => TryGetString(literal, out _),
        SettingType.Number => literal.GetValueKind() == JsonValueKind.Number,
        SettingType.Integer => IsIntegral(literal),
        SettingType.Boolean => literal.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        SettingType.Duration => TryGetString(literal, out var text) && IsDuration(text),
        SettingType.DateTime => TryGetString(literal, out var text) && IsDateTimeWithOffset(text),
        SettingType.Choice => TryGetString(literal, out var text) && setting.Options.Contains(text, StringComparer.Ordinal),
        SettingType.StringList => literal is JsonArray items && items.All(item => item is not null && TryGetString(item, out _)),
        SettingType.ObjectList => literal is JsonArray items && items.All(item => item is JsonObject),
        SettingType.Json => true,
        _ => false,
    };

    /// <summary>What a value of the setting's type looks like, for a finding's message.</summary>
    public static string Expectation(SettingDescriptor setting) => setting.Type switch
    {
        SettingType.Text or SettingType.MultilineText => "a string",
        SettingType.Number => "a number",
        SettingType.Integer => "a whole number",
        SettingType.Boolean => "true or false",
        SettingType.Duration => "an ISO 8601 duration such as \"PT2H\" or \"P3D\", or a time span such as \"1.02:00:00\"",
        SettingType.DateTime => "an ISO 8601 date and time with an offset, such as \"2025-03-01T09:00:00+01:00\"",
        SettingType.Choice => $"one of {string.Join(", ", setting.Options.Select(o => $"\"{o}\""))}",
        SettingType.StringList => "a list of strings",
        SettingType.ObjectList => "a list of objects",
        _ => "any JSON value",
    };

    public static bool IsDuration(string text)
    {
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out _)) return true;
        try
        {
            XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return false;
        }
    }

    // The offset is required: a time without one means a different instant on every server.
    public static bool IsDateTimeWithOffset(string text) =>
        IsoDateTimeWithOffset().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool TryGetString(JsonNode node, out string text)
    {
        text = "";
        return node is JsonValue value && value.TryGetValue(out text!);
    }

    // Text, not a typed read: a value may be backed by a JsonElement or by any CLR number type,
    // and 3.0 is as whole as 3.
    private static bool IsIntegral(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number
        && double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsInteger(number);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTimeWithOffset();
}
