using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FocWorkflows.Server.Engine.Expressions;

// Fluid reads dictionaries, lists and primitives without registering any type, so JSON is
// converted to those: templates then see `input.title`, `vars.items.size` and numbers as numbers.
internal static class TemplateModel
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(From).ToList(),
        JsonValue value => FromValue(value),
        _ => null,
    };

    // Read through the JSON text because a JsonValue may wrap any CLR type (int, DateTimeOffset...).
    private static object? FromValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => JsonSerializer.Deserialize<string>(value.ToJsonString()),
        JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
