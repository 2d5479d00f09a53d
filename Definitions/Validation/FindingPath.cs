using System.Globalization;
using System.Text;

namespace FocWorkflows.Definitions.Validation;

/// <summary>
/// Builds the JSON paths findings carry (<c>$.activities[3].settings.condition</c>). One builder
/// serves the validator and the reader so an editor gets the same path for the same field either way.
/// </summary>
public static class FindingPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Activity(int index) => Index(Property(Root, "activities"), index);

    public static string Setting(int activityIndex, string name) =>
        Property(Property(Activity(activityIndex), "settings"), name);

    public static string Connection(int index) => Index(Property(Root, "connections"), index);

    /// <summary>
    /// Turns an RFC 6901 pointer (<c>/activities/2/id</c>), the form JSON Schema reports, into our path
    /// form. A numeric segment is read as an index: our format has no objects with numeric keys.
    /// </summary>
    public static string FromPointer(string pointer)
    {
        var path = new StringBuilder(Root);
        if (string.IsNullOrEmpty(pointer)) return Root;
        foreach (var raw in pointer.TrimStart('#').Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            var current = path.ToString();
            path.Clear().Append(int.TryParse(segment, out var index) && index >= 0 && segment == index.ToString(CultureInfo.InvariantCulture)
                ? Index(current, index)
                : Property(current, segment));
        }
        return path.ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0
        && (char.IsLetter(name[0]) || name[0] is '_' or '$')
        && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
