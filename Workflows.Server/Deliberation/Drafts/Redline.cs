using System.Globalization;
using System.Text;
using DiffPlex;
using System.Text.RegularExpressions;
using Markdig;

namespace FocWorkflows.Server.Deliberation.Drafts;

public enum ParagraphChangeKind { Unchanged, Changed, Added, Removed }

/// <summary>How one paragraph fared between two versions: its number in each (null where absent) and its redline HTML.</summary>
public sealed record ParagraphChange(ParagraphChangeKind Kind, int? From, int? To, string Html);

/// <summary>The difference between two versions: the whole redline as HTML and each paragraph's change.</summary>
public sealed record Redline(string Html, IReadOnlyList<ParagraphChange> Changes)
{
    // Private-use characters mark insertions and deletions through Markdig; authors' text cannot contain them.
    private const char InsOpen = '\uE000', InsClose = '\uE001', DelOpen = '\uE002', DelClose = '\uE003';

    /// <summary>
    /// Paragraphs are aligned first (a paragraph-level diff), then a paragraph that was edited in
    /// place is compared word by word, so a one-word change reads as one word, not a rewritten paragraph.
    /// </summary>
    public static Redline Between(IReadOnlyList<Paragraph> from, IReadOnlyList<Paragraph> to)
    {
        // Each distinct paragraph text becomes one line token, so DiffPlex aligns whole paragraphs.
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = from.Count == 0 || to.Count == 0
            ? [new DiffPlex.Model.DiffBlock(0, from.Count, 0, to.Count)]
            : Differ.Instance.CreateLineDiffs(Tokens(from, tokens), Tokens(to, tokens), ignoreWhitespace: false).DiffBlocks;
        var changes = new List<ParagraphChange>();
        int a = 0, b = 0;
        foreach (var block in blocks)
        {
            for (; a < block.DeleteStartA && b < block.InsertStartB; a++, b++)
                changes.Add(new(ParagraphChangeKind.Unchanged, from[a].Number, to[b].Number, DraftHtml.Render(from[a].Markdown)));
            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < paired; i++, a++, b++)
                changes.Add(new(ParagraphChangeKind.Changed, from[a].Number, to[b].Number, WordRedline(from[a].Markdown, to[b].Markdown)));
            for (var i = paired; i < block.DeleteCountA; i++, a++)
                changes.Add(new(ParagraphChangeKind.Removed, from[a].Number, null, $"<del>{DraftHtml.Render(from[a].Markdown)}</del>"));
            for (var i = paired; i < block.InsertCountB; i++, b++)
                changes.Add(new(ParagraphChangeKind.Added, null, to[b].Number, $"<ins>{DraftHtml.Render(to[b].Markdown)}</ins>"));
        }
        for (; a < from.Count && b < to.Count; a++, b++)
            changes.Add(new(ParagraphChangeKind.Unchanged, from[a].Number, to[b].Number, DraftHtml.Render(from[a].Markdown)));

        var html = new StringBuilder();
        foreach (var change in changes)
            html.Append(DraftHtml.Section(change.To?.ToString(CultureInfo.InvariantCulture) ?? $"{change.From}-removed", CssClass(change.Kind), change.Html));
        return new Redline(html.ToString(), changes);
    }

    /// <summary>A word-level redline of one paragraph, rendered from Markdown and sanitized.</summary>
    public static string WordRedline(string before, string after)
    {
        before = StripMarkers(before);
        after = StripMarkers(after);
        var diff = Differ.Instance.CreateDiffs(before, after, false, false, RedlineChunker.Instance);
        var marked = new StringBuilder();
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++) marked.Append(diff.PiecesOld[a]);
            if (block.DeleteCountA > 0) Wrap(marked, DelOpen, diff.PiecesOld.Skip(a).Take(block.DeleteCountA), DelClose);
            if (block.InsertCountB > 0) Wrap(marked, InsOpen, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB), InsClose);
            a += block.DeleteCountA;
        }
        for (; a < diff.PiecesOld.Count; a++) marked.Append(diff.PiecesOld[a]);

        var html = Markdown.ToHtml(marked.ToString(), Paragraphs.Pipeline)
            .Replace(InsOpen.ToString(), "<ins>").Replace(InsClose.ToString(), "</ins>")
            .Replace(DelOpen.ToString(), "<del>").Replace(DelClose.ToString(), "</del>");
        return DraftHtml.Sanitize(html);
    }

    private static void Wrap(StringBuilder marked, char open, IEnumerable<string> pieces, char close)
    {
        marked.Append(open);
        foreach (var piece in pieces) marked.Append(piece);
        marked.Append(close);
    }

    private static string Tokens(IReadOnlyList<Paragraph> paragraphs, Dictionary<string, int> tokens) =>
        string.Join('\n', paragraphs.Select(p => tokens.TryGetValue(p.Markdown, out var t) ? t : tokens[p.Markdown] = tokens.Count));

    private static string StripMarkers(string text) =>
        text.Replace(InsOpen, ' ').Replace(InsClose, ' ').Replace(DelOpen, ' ').Replace(DelClose, ' ');

    private static string CssClass(ParagraphChangeKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>
/// Splits a paragraph into words, spaces, punctuation and whole HTML tags: a tag is never cut by a
/// change mark, so Markdig still sees it as a tag and the sanitizer can judge it.
/// </summary>
internal sealed partial class RedlineChunker : IChunker
{
    public static readonly RedlineChunker Instance = new();

    public IReadOnlyList<string> Chunk(string text) => [.. Pieces().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"<[^<>]*>|[\p{L}\p{N}_'’-]+|\s+|.", RegexOptions.Singleline)]
    private static partial Regex Pieces();
}
