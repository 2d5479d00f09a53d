using System.Text;
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

    public static string ToCsv(IEnumerable<MatrixRow> rows)
    {
        var csv = new StringBuilder();
        CsvLine(csv, Headers);
        foreach (var row in rows) CsvLine(csv, Cells(row));
        return csv.ToString();
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
        row.Number.ToString(), row.Author, row.Organisation ?? "", row.DraftVersion?.ToString() ?? "", row.Paragraph.ToString(),
        row.Quote ?? "", row.Comment, row.Decision?.Humanize() ?? "", row.Reason ?? "",
    ];

    // RFC 4180: CRLF between records; a field with a comma, quote or line break is quoted, quotes doubled.
    private static void CsvLine(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(c => c.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{c.Replace("\"", "\"\"")}\"" : c));
        csv.Append("\r\n");
    }

    // A cell is one line: pipes are escaped, line breaks become <br>, backslashes stay literal.
    private static string MarkdownCell(string text) =>
        text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r\n", "<br>").Replace('\r', '\n').Replace("\n", "<br>");
}
