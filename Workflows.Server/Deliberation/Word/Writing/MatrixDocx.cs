using System.Globalization;
using FocWorkflows.Server.Deliberation.Consultations;
using Humanizer;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>
/// The comment-resolution matrix as a Word table, landscape, its header row repeated on every page:
/// what the pen-holders circulate with a revised draft.
/// </summary>
public static class MatrixDocx
{
    private static readonly string[] Headers = ["#", "Paragraph", "Author", "Comment", "Decision", "Reason"];

    public static byte[] Write(string title, IReadOnlyList<MatrixRow> rows, DateTimeOffset at, TimeZoneInfo zone)
    {
        using var document = new DocxDocument($"Comment resolution: {title}", null, at, $"Comment resolution, {WordDates.Moment(at, zone)}",
            landscape: true);
        var writer = new DocxParagraphs(document);
        writer.AppendPlain(DocxStyles.Title, [new WordPiece($"Comment resolution: {title}", default)]);
        if (rows.Count == 0)
        {
            writer.AppendPlain("Normal", [new WordPiece("No comments were made.", default)]);
            return document.ToBytes();
        }
        List<IReadOnlyList<IReadOnlyList<WordPiece>>> table = [[.. Headers.Select(h => (IReadOnlyList<WordPiece>)[new WordPiece(h, default)])]];
        table.AddRange(rows.Select(Cells));
        document.Append(writer.Table(new TableBlock(table)));
        return document.ToBytes();
    }

    private static IReadOnlyList<IReadOnlyList<WordPiece>> Cells(MatrixRow row) =>
    [
        Plain(row.Number.ToString(CultureInfo.InvariantCulture)),
        [.. Plain(row.DraftVersion is { } v ? $"{row.Paragraph} (v{v})" : row.Paragraph.ToString(CultureInfo.InvariantCulture)),
            .. row.Quote is { Length: > 0 } quote ? [new WordPiece("", default, Break: true), new WordPiece($"“{quote}”", new RunFormat(Italic: true))] : Array.Empty<WordPiece>()],
        [.. Plain(row.Author), .. row.Organisation is { Length: > 0 } org ? [new WordPiece("", default, Break: true), new WordPiece(org, default)] : Array.Empty<WordPiece>()],
        Plain(row.Comment),
        Plain(row.Decision?.Humanize() ?? ""),
        Plain(row.Reason ?? ""),
    ];

    /// <summary>Text as typed (a comment is not Markdown), its line breaks kept.</summary>
    private static List<WordPiece> Plain(string text)
    {
        var pieces = new List<WordPiece>();
        foreach (var line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            if (pieces.Count > 0) pieces.Add(new WordPiece("", default, Break: true));
            pieces.Add(new WordPiece(line, default));
        }
        return pieces;
    }
}
