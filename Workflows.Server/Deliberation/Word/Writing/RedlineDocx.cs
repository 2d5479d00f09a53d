using DiffPlex;
using FocWorkflows.Server.Deliberation.Drafts;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>
/// The redline between two versions as a Word document with real tracked changes: a capital reviews it
/// in Word (accept, reject, comment). Paragraphs are aligned as on the web (<see cref="Redline"/>); a
/// paragraph edited in place is compared word by word, so only the changed words are marked. Every change
/// is attributed to the later version's author and time.
/// </summary>
public static class RedlineDocx
{
    public static byte[] Write(DraftVersion from, DraftVersion to, string authorName, TimeZoneInfo zone)
    {
        var author = new ChangeAuthor(authorName, to.SubmittedAt);
        using var document = new DocxDocument(to.Title, authorName, to.SubmittedAt,
            $"Changes from version {from.Number} to version {to.Number}, {authorName}, {WordDates.Moment(to.SubmittedAt, zone)}");
        var writer = new DocxParagraphs(document, author);
        writer.AppendPlain(DocxStyles.Title, [new WordPiece(to.Title, default)]);

        var before = Paragraphs.Of(from.Markdown).ToDictionary(p => p.Number);
        var after = Paragraphs.Of(to.Markdown).ToDictionary(p => p.Number);
        foreach (var change in Redline.Between([.. before.Values], [.. after.Values]).Changes)
        {
            switch (change.Kind)
            {
                case ParagraphChangeKind.Unchanged:
                    writer.AppendNumbered(change.To, MarkdownBlocks.Of(after[change.To!.Value].Markdown));
                    break;
                case ParagraphChangeKind.Added:
                    writer.AppendNumbered(change.To, MarkdownBlocks.Of(after[change.To!.Value].Markdown), TrackedChange.Inserted);
                    break;
                case ParagraphChangeKind.Removed:
                    writer.AppendNumbered(null, MarkdownBlocks.Of(before[change.From!.Value].Markdown), TrackedChange.Deleted);
                    break;
                case ParagraphChangeKind.Changed:
                    AppendChanged(writer, change.To!.Value, MarkdownBlocks.Of(before[change.From!.Value].Markdown),
                        MarkdownBlocks.Of(after[change.To.Value].Markdown));
                    break;
            }
        }
        return document.ToBytes();
    }

    private static void AppendChanged(DocxParagraphs writer, int number, IReadOnlyList<WordBlock> old, IReadOnlyList<WordBlock> @new)
    {
        if (old is [TextBlock a] && @new is [TextBlock b])
        {
            writer.AppendChanged(number, b, WordDiff(a.Pieces, b.Pieces));
            return;
        }
        // A table or a list item with nested items: the old one is struck through whole and the new one inserted.
        writer.AppendNumbered(null, old, TrackedChange.Deleted);
        writer.AppendNumbered(number, @new, TrackedChange.Inserted);
    }

    /// <summary>The two texts cut into words, spaces and punctuation (each keeping its format and link) and aligned.</summary>
    internal static IEnumerable<(WordPiece Piece, TrackedChange Change)> WordDiff(IReadOnlyList<WordPiece> old, IReadOnlyList<WordPiece> @new)
    {
        var a = Words(old);
        var b = Words(@new);
        var ids = new Dictionary<WordPiece, int>();
        var diff = Differ.Instance.CreateLineDiffs(Lines(a, ids), Lines(b, ids), ignoreWhitespace: false);
        var result = new List<(WordPiece, TrackedChange)>();
        var i = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; i < block.DeleteStartA; i++) result.Add((a[i], TrackedChange.None));
            for (var k = 0; k < block.DeleteCountA; k++, i++) result.Add((a[i], TrackedChange.Deleted));
            for (var k = 0; k < block.InsertCountB; k++) result.Add((b[block.InsertStartB + k], TrackedChange.Inserted));
        }
        for (; i < a.Count; i++) result.Add((a[i], TrackedChange.None));
        return Merge(result);
    }

    private static List<WordPiece> Words(IReadOnlyList<WordPiece> pieces) =>
        [.. pieces.SelectMany(p => p.Break ? [p] : RedlineChunker.Instance.Chunk(p.Text).Select(word => p with { Text = word }))];

    // Each distinct piece becomes one line token, so DiffPlex aligns words with their format.
    private static string Lines(List<WordPiece> words, Dictionary<WordPiece, int> ids) =>
        string.Join('\n', words.Select(w => ids.TryGetValue(w, out var id) ? id : ids[w] = ids.Count));

    private static List<(WordPiece Piece, TrackedChange Change)> Merge(List<(WordPiece Piece, TrackedChange Change)> words)
    {
        var merged = new List<(WordPiece Piece, TrackedChange Change)>();
        foreach (var (piece, change) in words)
        {
            if (merged.Count > 0 && merged[^1] is var (last, lastChange) && lastChange == change && !last.Break && !piece.Break
                && last.Format == piece.Format && last.Link == piece.Link)
                merged[^1] = (last with { Text = last.Text + piece.Text }, change);
            else merged.Add((piece, change));
        }
        return merged;
    }
}
