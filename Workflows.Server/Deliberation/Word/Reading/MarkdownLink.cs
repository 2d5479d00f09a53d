using System.Text;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>Writes a Word hyperlink as a Markdown link whose address survives a round trip, inside a table cell too.</summary>
internal static class MarkdownLink
{
    public static string Write(string textMarkdown, string url) => $"[{textMarkdown}]({Destination(url)})";

    /// <summary>
    /// The address as a link destination: spaces and angle brackets percent-encoded (Markdown ends or wraps the
    /// destination at them), backslash, parentheses and "|" (a cell border) escaped, control characters dropped.
    /// </summary>
    private static string Destination(string url)
    {
        var destination = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            switch (c)
            {
                case ' ': destination.Append("%20"); break;
                case '<': destination.Append("%3C"); break;
                case '>': destination.Append("%3E"); break;
                case '\\' or '(' or ')' or '|': destination.Append('\\').Append(c); break;
                default:
                    if (!char.IsControl(c)) destination.Append(c);
                    break;
            }
        }
        return destination.ToString();
    }
}
