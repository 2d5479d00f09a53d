using System.Globalization;
using System.Text;

namespace FocWorkflows.Server.Deliberation.Drafts;

/// <summary>
/// What a draft version (or a translation) must be to be recorded. The API, the draft page and the
/// draft step apply these rules, so a text too large to read, number or diff is refused before the
/// workflow is touched. Errors are keyed by the API's field names: <c>markdown</c>, <c>title</c>, <c>note</c>.
/// </summary>
public static class DraftRules
{
    public static Dictionary<string, string[]> Problems(string? markdown, string? title = null, string? note = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(markdown)) errors["markdown"] = ["is required."];
        else if (MarkdownProblem(markdown) is { } problem) errors["markdown"] = [problem];
        Limits.Check(errors, "title", title, Limits.Line);
        Limits.Check(errors, "note", note, Limits.Reason);
        return errors;
    }

    /// <summary>Why this Markdown is too large, or null. Bytes are counted first: numbering parses the text.</summary>
    public static string? MarkdownProblem(string markdown)
    {
        // A UTF-16 char is at most 3 UTF-8 bytes: most texts are judged without counting.
        if (markdown.Length > Limits.DraftBytes || (markdown.Length * 3L > Limits.DraftBytes && Encoding.UTF8.GetByteCount(markdown) > Limits.DraftBytes))
            return $"A draft may be at most {Limits.DraftBytes / 1024} KB.";
        var paragraphs = Paragraphs.Of(markdown).Count;
        return paragraphs > Limits.DraftParagraphs
            ? $"A draft may have at most {Limits.DraftParagraphs.ToString("N0", CultureInfo.InvariantCulture)} paragraphs; this one has {paragraphs.ToString("N0", CultureInfo.InvariantCulture)}."
            : null;
    }
}
