using System.Text;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>A word, a run of spaces, or written Markdown, with its marks.</summary>
internal sealed record InlineToken(string Text, InlineMarks Marks, bool IsSpace, bool IsMarkup);

/// <summary>
/// Writes one line of spans of equal marks, keeping marks open across spans as a stack: a mark closes only when
/// a span lacks it (and, Markdown being nested, with any mark opened inside it), and opens right before the word
/// that has it.
/// </summary>
internal sealed class InlineMarkWriter(bool atLineStart)
{
    private static readonly InlineMarks[] MarkOrder =
        [InlineMarks.Bold, InlineMarks.Italic, InlineMarks.Strike, InlineMarks.Superscript, InlineMarks.Subscript];

    private readonly StringBuilder _markdown = new();
    private readonly List<InlineMarks> _open = [];
    private bool _atLineStart = atLineStart;

    /// <summary>Where a literal "!" just written sits: a link written right after it would make it an image.</summary>
    private int _trailingBang = -1;

    public string Write(List<List<InlineToken>> spans)
    {
        var lasting = Lasting(spans);
        for (var i = 0; i < spans.Count; i++)
        {
            var marks = spans[i][0].Marks;
            Close(marks);
            Open(marks, lasting[i]);
            foreach (var token in spans[i]) WriteToken(token);
        }
        Close(InlineMarks.None);
        return _markdown.ToString();
    }

    /// <summary>For each span and mark, how many spans from there on keep the mark (counted backwards, in one pass).</summary>
    private static int[][] Lasting(List<List<InlineToken>> spans)
    {
        var lasting = new int[spans.Count + 1][];
        lasting[spans.Count] = new int[MarkOrder.Length];
        for (var i = spans.Count - 1; i >= 0; i--)
        {
            lasting[i] = new int[MarkOrder.Length];
            for (var m = 0; m < MarkOrder.Length; m++)
                lasting[i][m] = (spans[i][0].Marks & MarkOrder[m]) != 0 ? lasting[i + 1][m] + 1 : 0;
        }
        return lasting;
    }

    private void Close(InlineMarks keep)
    {
        var first = _open.FindIndex(m => (keep & m) == 0);
        if (first < 0) return;
        for (var j = _open.Count - 1; j >= first; j--) Emit(Delimiter(_open[j]));
        _open.RemoveRange(first, _open.Count - first);
    }

    /// <summary>Opens the missing marks, the longest-lasting outermost, so fewer have to close and reopen later.</summary>
    private void Open(InlineMarks marks, int[] lasting)
    {
        var missing = Enumerable.Range(0, MarkOrder.Length)
            .Where(m => (marks & MarkOrder[m]) != 0 && !_open.Contains(MarkOrder[m]))
            .OrderByDescending(m => lasting[m])
            .Select(m => MarkOrder[m])
            .ToList();
        foreach (var mark in missing)
        {
            Emit(Delimiter(mark));
            _open.Add(mark);
        }
    }

    private void WriteToken(InlineToken token)
    {
        if (token.IsMarkup)
        {
            if (_trailingBang >= 0 && token.Text.StartsWith('[')) _markdown.Insert(_trailingBang, '\\');
            Emit(token.Text);
            return;
        }
        var escaped = MarkdownEscaper.Escape(token.Text, _atLineStart);
        Emit(escaped);
        if (escaped.EndsWith('!')) _trailingBang = _markdown.Length - 1;
    }

    private void Emit(string markdown)
    {
        _markdown.Append(markdown);
        _trailingBang = -1;
        if (markdown.Length > 0) _atLineStart = false;
    }

    private static string Delimiter(InlineMarks mark) => mark switch
    {
        InlineMarks.Bold => "**",
        InlineMarks.Italic => "*",
        InlineMarks.Strike => "~~",
        InlineMarks.Superscript => "^",
        _ => "~",
    };
}
