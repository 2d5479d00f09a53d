using System.Text;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Escapes text typed in Word so Markdown reads it back as the same text: "*not bold*" typed literally stays
/// asterisks, "1. " at the start of a paragraph stays a paragraph. Always the same escapes for the same text, so
/// uploading the same document twice gives the same draft and no spurious redline.
/// </summary>
internal static class MarkdownEscaper
{
    /// <summary>
    /// Characters that open or close something in our pipeline anywhere in a line: code, emphasis, links, HTML,
    /// the emphasis extras (<c>^sup^ ~sub~ ~~strike~~ ++inserted++ ==marked==</c>), table cells, headings.
    /// </summary>
    private const string AlwaysEscaped = "\\`*_[]<>^~|#=+";

    /// <param name="text">Literal text, already without line breaks.</param>
    /// <param name="atLineStart">The text starts a line of a block, where "- ", "1. " or "1) " would start a list.</param>
    public static string Escape(string text, bool atLineStart)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var markerEnd = atLineStart ? ListMarkerEnd(text) : -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (AlwaysEscaped.Contains(c)
                || i == markerEnd
                || (c == '!' && i + 1 < text.Length && text[i + 1] == '[')
                || (c == '&' && StartsEntity(text, i)))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Where the text starts like a list item, the index of the character to escape: a leading "-" (any, as
    /// "---" is a rule and "-" under a line a heading), or the "." or ")" after a leading number when a space
    /// or the end follows ("1.5 million" is no list and stays as typed). -1 otherwise.
    /// </summary>
    private static int ListMarkerEnd(string text)
    {
        if (text.StartsWith('-')) return 0;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        if (digits == 0 || digits >= text.Length || text[digits] is not ('.' or ')')) return -1;
        return digits + 1 == text.Length || char.IsWhiteSpace(text[digits + 1]) ? digits : -1;
    }

    /// <summary>"&amp;amp;", "&amp;#169;": Markdown would turn them into the character they name.</summary>
    private static bool StartsEntity(string text, int ampersand)
    {
        var i = ampersand + 1;
        if (i < text.Length && text[i] == '#') i++;
        var start = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
        return i > start && i < text.Length && text[i] == ';';
    }
}
