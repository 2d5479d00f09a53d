using Markdig;
using Markdig.Syntax;

namespace FocWorkflows.Server.Deliberation.Drafts;

/// <summary>One numbered paragraph of a draft: its number, what kind of block it is, its Markdown.</summary>
public sealed record Paragraph(int Number, string Kind, string Markdown);

/// <summary>
/// Numbers a draft's paragraphs the way the coalition cites them ("paragraph 4"): every top-level
/// block (paragraph, heading, code, quote, table) and every item of a top-level list gets the next
/// number. Comments anchor to these numbers.
/// </summary>
public static class Paragraphs
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseAutoLinks().UsePreciseSourceLocation().Build();

    public static IReadOnlyList<Paragraph> Of(string markdown)
    {
        var text = Normalize(markdown);
        var document = Markdown.Parse(text, Pipeline);
        var result = new List<Paragraph>();
        foreach (var block in document)
        {
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>()) Add(result, "list-item", Slice(text, item));
                    break;
                case ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock:
                    break;
                default:
                    Add(result, KindOf(block), Slice(text, block));
                    break;
            }
        }
        return result;
    }

    /// <summary>The paragraph as a reader sees it, without Markdown: what a quoted passage is compared with.</summary>
    public static string PlainText(Paragraph paragraph) => Markdown.ToPlainText(paragraph.Markdown, Pipeline);

    /// <summary>Line endings as \n, so numbering and diffs do not depend on the author's editor.</summary>
    public static string Normalize(string markdown) => markdown.Replace("\r\n", "\n").Replace('\r', '\n');

    private static void Add(List<Paragraph> result, string kind, string markdown)
    {
        if (markdown.Length > 0) result.Add(new Paragraph(result.Count + 1, kind, markdown));
    }

    private static string KindOf(Block block) => block switch
    {
        HeadingBlock => "heading",
        ParagraphBlock => "paragraph",
        QuoteBlock => "quote",
        CodeBlock => "code",
        HtmlBlock => "html",
        _ => "block",
    };

    private static string Slice(string text, Block block)
    {
        var start = Math.Clamp(block.Span.Start, 0, text.Length);
        var end = Math.Clamp(block.Span.End + 1, start, text.Length);
        return text[start..end].Trim('\n', ' ');
    }
}
