using FocWorkflows.Server.Deliberation.Drafts;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>
/// Reads one numbered paragraph's Markdown (as <see cref="Paragraphs"/> cut it) into Word blocks:
/// the product's paragraph is one block, except a list item with nested items, which is one block per item.
/// </summary>
public static class MarkdownBlocks
{
    public static IReadOnlyList<WordBlock> Of(string markdown)
    {
        var blocks = new List<WordBlock>();
        foreach (var block in Markdown.Parse(markdown, Paragraphs.Pipeline)) Add(blocks, block, listLevel: 0);
        return blocks;
    }

    /// <summary>The pieces of inline Markdown (a cell, a title), as one run of text.</summary>
    public static IReadOnlyList<WordPiece> Inline(string markdown) =>
        Of(markdown) is [TextBlock text] ? text.Pieces : [.. Of(markdown).OfType<TextBlock>().SelectMany(b => b.Pieces)];

    private static void Add(List<WordBlock> blocks, Block block, int listLevel)
    {
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(new TextBlock(TextBlockKind.Heading, Pieces(heading.Inline), HeadingLevel: heading.Level));
                break;
            case ParagraphBlock paragraph:
                blocks.Add(new TextBlock(TextBlockKind.Paragraph, Pieces(paragraph.Inline)));
                break;
            case ListBlock list:
                AddList(blocks, list, listLevel);
                break;
            case Table table:
                blocks.Add(new TableBlock([.. table.OfType<TableRow>().Select(row =>
                    (IReadOnlyList<IReadOnlyList<WordPiece>>)[.. row.OfType<TableCell>().Select(CellPieces)])]));
                break;
            case CodeBlock code:
                blocks.Add(new TextBlock(TextBlockKind.Code, Lines(code.Lines.ToString(), new RunFormat(Code: true))));
                break;
            case QuoteBlock quote:
                foreach (var inner in quote)
                    if (inner is LeafBlock { Inline: { } inline }) blocks.Add(new TextBlock(TextBlockKind.Quote, Pieces(inline)));
                break;
            case HtmlBlock html:
                blocks.Add(new TextBlock(TextBlockKind.Paragraph, Lines(html.Lines.ToString(), default)));
                break;
        }
    }

    private static void AddList(List<WordBlock> blocks, ListBlock list, int level)
    {
        var start = list.IsOrdered && int.TryParse(list.OrderedStart, out var s) ? s : 1;
        var first = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var pieces = new List<WordPiece>();
            foreach (var inner in item)
            {
                if (inner is ListBlock nested)
                {
                    Flush();
                    AddList(blocks, nested, level + 1);
                }
                else if (inner is LeafBlock { Inline: { } inline })
                {
                    if (pieces.Count > 0) pieces.Add(new WordPiece("", default, Break: true));
                    pieces.AddRange(Pieces(inline));
                }
            }
            Flush();

            void Flush()
            {
                if (pieces.Count == 0) return;
                blocks.Add(new TextBlock(TextBlockKind.ListItem, [.. pieces], Ordered: list.IsOrdered, ListLevel: level,
                    ListStart: first ? start : 1));
                first = false;
                pieces.Clear();
            }
        }
    }

    private static IReadOnlyList<WordPiece> CellPieces(TableCell cell)
    {
        var pieces = new List<WordPiece>();
        foreach (var leaf in cell.OfType<LeafBlock>())
        {
            if (leaf.Inline is null) continue;
            if (pieces.Count > 0) pieces.Add(new WordPiece("", default, Break: true));
            pieces.AddRange(Pieces(leaf.Inline));
        }
        return pieces;
    }

    private static List<WordPiece> Lines(string text, RunFormat format)
    {
        var pieces = new List<WordPiece>();
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (pieces.Count > 0) pieces.Add(new WordPiece("", format, Break: true));
            pieces.Add(new WordPiece(line, format));
        }
        return pieces;
    }

    private static List<WordPiece> Pieces(ContainerInline? inline)
    {
        var pieces = new List<WordPiece>();
        if (inline is not null) Walk(inline, default, null, pieces);
        return Merge(pieces);
    }

    private static void Walk(Inline inline, RunFormat format, string? link, List<WordPiece> pieces)
    {
        switch (inline)
        {
            case LiteralInline literal:
                pieces.Add(new WordPiece(literal.Content.ToString(), format, link));
                break;
            case CodeInline code:
                pieces.Add(new WordPiece(code.Content, format with { Code = true }, link));
                break;
            case LineBreakInline lineBreak:
                pieces.Add(lineBreak.IsHard ? new WordPiece("", format, link, Break: true) : new WordPiece(" ", format, link));
                break;
            case HtmlEntityInline entity:
                pieces.Add(new WordPiece(entity.Transcoded.ToString(), format, link));
                break;
            case HtmlInline html:
                // A draft's HTML is shown sanitized on the web; in Word, a <br> is a break and other tags are left out.
                if (html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase)) pieces.Add(new WordPiece("", format, link, Break: true));
                break;
            case AutolinkInline autolink:
                pieces.Add(new WordPiece(autolink.Url, format, autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url));
                break;
            case LinkInline { IsImage: true } image:
                // Images are not carried into a document, as they are not shown on the web: their text stays.
                foreach (var child in image) Walk(child, format, link, pieces);
                break;
            case LinkInline linkInline:
                foreach (var child in linkInline) Walk(child, format, SafeLink(linkInline.Url) ?? link, pieces);
                break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis) Walk(child, Emphasised(format, emphasis), link, pieces);
                break;
            case ContainerInline container:
                foreach (var child in container) Walk(child, format, link, pieces);
                break;
        }
    }

    private static RunFormat Emphasised(RunFormat format, EmphasisInline emphasis) => (emphasis.DelimiterChar, emphasis.DelimiterCount) switch
    {
        ('*' or '_', 1) => format with { Italic = true },
        ('*' or '_', _) => format with { Bold = true },
        ('~', 1) => format with { Subscript = true },
        ('~', _) => format with { Strike = true },
        ('^', _) => format with { Superscript = true },
        _ => format,
    };

    /// <summary>Only links a reader can follow safely become links in a document: web addresses and mail.</summary>
    private static string? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" ? uri.OriginalString : null;

    /// <summary>Neighbours in one format and link become one piece: fewer runs, and a diff that compares words, not Markdig's cuts.</summary>
    private static List<WordPiece> Merge(List<WordPiece> pieces)
    {
        var merged = new List<WordPiece>();
        foreach (var piece in pieces)
        {
            if (merged.Count > 0 && !piece.Break && merged[^1] is { Break: false } last && last.Format == piece.Format && last.Link == piece.Link)
                merged[^1] = last with { Text = last.Text + piece.Text };
            else merged.Add(piece);
        }
        return merged;
    }
}
