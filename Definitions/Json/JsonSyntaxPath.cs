using System.Text;
using System.Text.Json;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Json;

/// <summary>
/// Finds where in the document malformed JSON breaks, as a path. The parser reports only a line and
/// a column; an editor showing a form rather than the text needs the field.
/// </summary>
internal static class JsonSyntaxPath
{
    public static string Locate(string json)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1].Property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountElement(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        CountElement(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Expected: the frames now describe where reading stopped.
        }

        var path = FindingPath.Root;
        foreach (var frame in frames)
        {
            if (frame.IsArray && frame.Index >= 0) path = FindingPath.Index(path, frame.Index);
            else if (!frame.IsArray && frame.Property is not null) path = FindingPath.Property(path, frame.Property);
        }
        return path;
    }

    private static void CountElement(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
    }
}
