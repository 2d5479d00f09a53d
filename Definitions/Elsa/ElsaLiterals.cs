using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Elsa writes almost every literal as a string whatever its CLR type ("true", "0", "00:01:00");
/// native settings hold typed JSON. These conversions go between the two and are each other's inverse.
/// </summary>
internal static class ElsaLiterals
{
    /// <summary>"System.Int32, System.Private.CoreLib" and "Int32" are the same type to us.</summary>
    public static string ShortTypeName(string? typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName)) return "";
        var name = typeName.Split(',')[0].Trim();
        return name.StartsWith("System.", StringComparison.Ordinal) ? name["System.".Length..] : name;
    }

    public static JsonNode? ByTypeName(JsonNode? value, string? typeName) => ShortTypeName(typeName) switch
    {
        "Boolean" or "bool" => ToBoolean(value),
        "Int16" or "Int32" or "Int64" or "Double" or "Decimal" or "Single" or "int" or "long" or "double" or "decimal" => ToNumber(value),
        "TimeSpan" => ToDuration(value),
        "String[]" or "List`1" => ToStringList(value),
        _ => value?.DeepClone(),
    };

    public static JsonNode? ToBoolean(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out var b)
            ? JsonValue.Create(b)
            : value?.DeepClone();

    public static JsonNode? ToNumber(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var s)
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            // Parsing keeps the number's own text (no 1 -> 1.0), so an export writes back what was read.
            return JsonNode.Parse(s.Trim());
        }
        return value?.DeepClone();
    }

    /// <summary>"00:01:00" (or "1.02:00:00") becomes the ISO 8601 "PT1M" native durations use.</summary>
    public static JsonNode? ToDuration(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var s)
            && !s.StartsWith('P') && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span))
        {
            return JsonValue.Create(XmlConvert.ToString(span));
        }
        return value?.DeepClone();
    }

    /// <summary>The inverse of <see cref="ToDuration"/>, or null when the text is no ISO duration.</summary>
    public static string? DurationToElsa(JsonNode? value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var s)) return null;
        try
        {
            return XmlConvert.ToTimeSpan(s).ToString("c", CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Elsa stores a list as JSON text (<c>"[\"One\",\"Two\"]"</c>); hand-written files sometimes use "a, b".</summary>
    public static JsonNode? ToStringList(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            var parsed = TryParseJson(s);
            if (parsed is JsonArray) return parsed;
            return new JsonArray([.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => (JsonNode?)JsonValue.Create(x))]);
        }
        return value?.DeepClone();
    }

    public static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The Elsa type name and literal for a native value whose type nothing else tells us. Elsa writes
    /// booleans as JSON booleans, other scalars as text; objects and arrays travel as Elsa "Object"
    /// expressions holding JSON text, as Elsa itself does.
    /// </summary>
    public static (string TypeName, string ExpressionType, JsonNode? Value) Describe(JsonNode? value) => value switch
    {
        null => ("Object", "Literal", null),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => ("String", "Literal", v.DeepClone()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False =>
            ("Boolean", "Literal", JsonValue.Create(v.GetValueKind() == JsonValueKind.True)),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => (NumberTypeName(v), "Literal", JsonValue.Create(v.ToJsonString())),
        _ => ("Object", "Object", JsonValue.Create(value.ToJsonString())),
    };

    private static string NumberTypeName(JsonValue number)
    {
        var text = number.ToJsonString();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) return "Int32";
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)) return "Int64";
        return "Double";
    }

    public static ValueType ToValueType(string? typeName) => ShortTypeName(typeName) switch
    {
        "String" or "string" => ValueType.String,
        "Boolean" or "bool" => ValueType.Boolean,
        "Int16" or "Int32" or "Int64" or "int" or "long" => ValueType.Integer,
        "Double" or "Decimal" or "Single" or "double" or "decimal" => ValueType.Number,
        "DateTime" or "DateTimeOffset" => ValueType.DateTime,
        "TimeSpan" => ValueType.Duration,
        "String[]" => ValueType.StringList,
        _ => ValueType.Json,
    };

    // Text, Person and TaskForce have no Elsa twin; they leave as plain strings.
    public static string ToTypeName(ValueType type) => type switch
    {
        ValueType.String or ValueType.Text or ValueType.Person or ValueType.TaskForce => "String",
        ValueType.Boolean => "Boolean",
        ValueType.Integer => "Int32",
        ValueType.Number => "Double",
        ValueType.DateTime => "DateTime",
        ValueType.Duration => "TimeSpan",
        ValueType.StringList => "String[]",
        _ => "Object",
    };

    /// <summary>A variable's or input's default as Elsa stores it: scalars as text, JSON as itself.</summary>
    public static JsonNode? DefaultToElsa(JsonNode? value, ValueType type) => type switch
    {
        _ when value is null => null,
        ValueType.Duration when DurationToElsa(value) is { } span => JsonValue.Create(span),
        ValueType.StringList when value is JsonArray => JsonValue.Create(value.ToJsonString()),
        ValueType.Json => value.DeepClone(),
        _ when value is JsonValue v && v.GetValueKind() != JsonValueKind.String => JsonValue.Create(v.ToJsonString()),
        _ => value.DeepClone(),
    };
}
