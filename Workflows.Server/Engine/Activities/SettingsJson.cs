using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// How evaluated settings become an activity's typed <c>Settings</c> record: camelCase names, enums
/// as camelCase strings, durations as ISO 8601 (<c>PT72H</c>) or <c>d.hh:mm:ss</c>.
/// </summary>
public static class SettingsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new DurationConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads an ISO 8601 duration or a .NET time span; null when neither.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try { return XmlConvert.ToTimeSpan(text); }
            catch (FormatException) { return null; }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
    }

    private sealed class DurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ParseDuration(reader.GetString()!) is { } span
                ? span
                : throw new JsonException("A duration is an ISO 8601 duration such as \"PT72H\" or \"P3D\".");

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(XmlConvert.ToString(value));
    }
}
