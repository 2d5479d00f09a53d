using System.Globalization;
using System.Text;
using CsvHelper;
using FocWorkflows.Server.Deliberation.Directory;
using Humanizer;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>One line of the comment-resolution matrix: a comment and the pen-holders' answer.</summary>
public sealed record MatrixRow(int Number, string CommentId, string Author, string AuthorEmail, string? Organisation, int? DraftVersion,
    int Paragraph, string? Quote, string Comment, DispositionDecision? Decision, string? Reason, string? DisposedBy);

public static class DispositionDecisions
{
    /// <summary>A decision by name (any case); null for anything else, numbers included.</summary>
    public static DispositionDecision? Parse(string? text) =>
        text is not null && !text.Any(char.IsDigit) && Enum.TryParse<DispositionDecision>(text, ignoreCase: true, out var d) ? d : null;
}

/// <summary>
/// The comment-resolution matrix (as in ISO/IETF/W3C practice), built from the comments in the order
/// they arrived, and written as CSV (RFC 4180) or as a Markdown table.
/// </summary>
public static class ResolutionMatrix
{
    private static readonly string[] Headers = ["#", "Author", "Organisation", "Draft", "Paragraph", "Quote", "Comment", "Decision", "Reason"];

    public static IReadOnlyList<MatrixRow> Build(IReadOnlyList<Comment> comments, IReadOnlyList<Disposition> dispositions, IReadOnlyDictionary<string, Person> people)
    {
        var answers = dispositions.ToDictionary(d => d.CommentId);
        return [.. comments.Select((c, i) =>
        {
            var person = people.GetValueOrDefault(c.Commenter);
            var answer = answers.GetValueOrDefault(c.Id);
            return new MatrixRow(i + 1, c.Id, person?.Name ?? c.Commenter, c.Commenter, person?.Organisation, c.DraftVersion, c.Paragraph,
                c.Quote, c.Text, answer?.Decision, answer?.Reason, answer?.OnBehalfOf ?? answer?.By);
        })];
    }

    /// <summary>
    /// RFC 4180 in UTF-8. A cell that a spreadsheet would run as a formula (one starting with =, +, -, @,
    /// a tab or a carriage return, as OWASP lists them) is written after a single quote, so it opens as text.
    /// </summary>
    public static byte[] ToCsv(IEnumerable<MatrixRow> rows)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Headers);
            foreach (var row in rows) csv.WriteRecord(Cells(row));
        }
        return bytes.ToArray();
    }

    public static string ToMarkdown(string title, IEnumerable<MatrixRow> rows)
    {
        var md = new StringBuilder().Append("# Comment resolution: ").Append(MarkdownCell(title)).Append("\n\n");
        md.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        md.Append('|').Append(string.Concat(Headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows) md.Append("| ").Append(string.Join(" | ", Cells(row).Select(MarkdownCell))).Append(" |\n");
        return md.ToString();
    }

    private static string[] Cells(MatrixRow row) =>
    [
        row.Number.ToString(CultureInfo.InvariantCulture), row.Author, row.Organisation ?? "",
        row.DraftVersion?.ToString(CultureInfo.InvariantCulture) ?? "", row.Paragraph.ToString(CultureInfo.InvariantCulture),
        row.Quote ?? "", row.Comment, row.Decision?.Humanize() ?? "", row.Reason ?? "",
    ];

    /// <summary>
    /// A cell shows exactly what was typed, on one line: HTML is escaped (a comment's &lt;script&gt; is text, in any
    /// viewer), so are the Markdown marks that would make links, images, emphasis or code, and pipes; line
    /// breaks become &lt;br&gt;, the one tag we write.
    /// </summary>
    private static string MarkdownCell(string text)
    {
        var cell = new StringBuilder(text.Length + 16);
        foreach (var ch in text.Replace("\r\n", "\n").Replace('\r', '\n'))
        {
            switch (ch)
            {
                case '&': cell.Append("&amp;"); break;
                case '<': cell.Append("&lt;"); break;
                case '>': cell.Append("&gt;"); break;
                case '\n': cell.Append("<br>"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '|': cell.Append('\\').Append(ch); break;
                default: cell.Append(ch); break;
            }
        }
        return cell.ToString();
    }
}
