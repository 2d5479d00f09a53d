using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Runtime;

namespace FocWorkflows.Server.Engine.Expressions;

// A scope value as a script returns it. Scripts see JSON copies parsed by Jint and their results
// come back through JSON.stringify and JsonNode.Parse, so a value read without Jint (MemberPath)
// takes the same turn to come back identical: numbers become doubles written the JavaScript way
// (2.0 as 2, 1e400 as null), integer-like keys come first as in any JavaScript object, strings are
// escaped as JSON.stringify escapes them, and the text is parsed as ScriptEvaluator parses Jint's.
internal static class JintJson
{
    public static JsonNode? Copy(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return JsonNode.Parse(text.ToString());
    }

    // JavaScript truthiness: null, false, 0, -0 and "" are false (JSON has no undefined or NaN);
    // objects and arrays, even empty, are true.
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonObject or JsonArray => true,
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => StringOf(node.AsValue()).Length > 0,
            JsonValueKind.Number => NumberOf(node.AsValue()) != 0,
            JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
            _ => false,
        },
    };

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteObject(text, obj);
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            default:
                WriteValue(text, node.AsValue());
                break;
        }
    }

    // Array-index keys ("0", "42"; not "01" or "-1") first in ascending order, then the others in
    // insertion order: the order of a JavaScript object's keys. OrderBy is stable, and the largest
    // uint is not an array index.
    private static void WriteObject(StringBuilder text, JsonObject obj)
    {
        text.Append('{');
        var first = true;
        foreach (var (key, value) in obj.OrderBy(property => ArrayIndex(property.Key) ?? uint.MaxValue))
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            Quote(text, key);
            text.Append(':');
            Write(text, value);
        }

        text.Append('}');
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                Quote(text, StringOf(value));
                break;
            case JsonValueKind.Number:
                var number = NumberOf(value);
                text.Append(double.IsFinite(number) ? TypeConverter.ToString(JsNumber.Create(number)) : "null");
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                // A JsonValue holding an object or array element.
                Write(text, JsonNode.Parse(value.ToJsonString()));
                break;
            default:
                text.Append("null");
                break;
        }
    }

    // As JSON.stringify quotes a string: control characters and lone surrogates escaped in lower-case
    // hex, everything else as it is.
    private static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => null,
            };
            var lone = char.IsHighSurrogate(c)
                ? i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
            if (escape is not null)
            {
                text.Append(escape);
            }
            else if (c < ' ' || lone)
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }

    private static uint? ArrayIndex(string key) =>
        (key == "0" || !key.StartsWith('0'))
        && uint.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index != uint.MaxValue
            ? index
            : null;

    // Jint reads a JSON number as a double, whatever .NET type holds it here.
    private static double NumberOf(JsonValue value) =>
        double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    // A string element or string; other values of string kind (a DateTimeOffset, a Guid) by their JSON.
    private static string StringOf(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : JsonNode.Parse(value.ToJsonString())!.GetValue<string>();
}
