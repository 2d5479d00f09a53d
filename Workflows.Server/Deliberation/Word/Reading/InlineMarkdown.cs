namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Writes a paragraph's pieces as inline Markdown. Word splits text into runs arbitrarily, so runs of the same
/// formatting are merged first; spaces at the edge of a formatted span are moved outside its marks (Markdown
/// does not read "**a **b" as bold); marks are nested where a span sits inside another ("**The *very* end**"),
/// which is how our writer's own Markdown looks, so a draft survives download and upload unchanged.
/// </summary>
internal static class InlineMarkdown
{
    /// <param name="lineBreak">What a line break becomes: a Markdown hard break (with the indent of a list item), "&lt;br&gt;" in a table cell, a space in a heading.</param>
    /// <param name="atBlockStart">The text starts a block, where a leading "- " or "1. " must be escaped.</param>
    public static string Write(IReadOnlyList<InlinePiece> pieces, string lineBreak, bool atBlockStart)
    {
        var escapeAfterBreak = lineBreak.Contains('\n');
        var lines = new List<string>();
        foreach (var line in Lines(pieces))
        {
            var markdown = WriteLine(line, lines.Count == 0 ? atBlockStart : escapeAfterBreak);
            if (markdown.Length > 0) lines.Add(markdown);
        }
        return string.Join(lineBreak, lines);
    }

    /// <summary>The text a reader sees, line breaks as spaces: for a title, which is not Markdown.</summary>
    public static string PlainText(IReadOnlyList<InlinePiece> pieces) => string.Concat(pieces.Select(p => p switch
    {
        TextPiece text => text.Text,
        MarkupPiece markup => markup.PlainText,
        _ => " ",
    })).Trim();

    /// <summary>The marks every visible piece has: a link in bold text takes the bold outside its brackets.</summary>
    public static InlineMarks CommonMarks(IReadOnlyList<InlinePiece> pieces)
    {
        var common = InlineMarks.Bold | InlineMarks.Italic | InlineMarks.Strike | InlineMarks.Superscript | InlineMarks.Subscript;
        var any = false;
        foreach (var piece in pieces)
        {
            if (piece is TextPiece text && !string.IsNullOrWhiteSpace(text.Text)) { common &= text.Marks; any = true; }
            else if (piece is MarkupPiece markup) { common &= markup.Marks; any = true; }
        }
        return any ? common : InlineMarks.None;
    }

    public static IReadOnlyList<InlinePiece> WithoutMarks(IReadOnlyList<InlinePiece> pieces, InlineMarks marks) => [.. pieces.Select(p => p switch
    {
        TextPiece text => text with { Marks = text.Marks & ~marks },
        MarkupPiece markup => markup with { Marks = markup.Marks & ~marks },
        _ => p,
    })];

    private static IEnumerable<List<InlinePiece>> Lines(IReadOnlyList<InlinePiece> pieces)
    {
        var line = new List<InlinePiece>();
        foreach (var piece in pieces)
        {
            if (piece is BreakPiece) { yield return line; line = []; }
            else line.Add(piece);
        }
        yield return line;
    }

    private static string WriteLine(List<InlinePiece> line, bool atLineStart)
    {
        var tokens = Tokens(line);
        var spans = new List<List<InlineToken>>();
        foreach (var token in tokens)
        {
            if (spans.Count > 0 && spans[^1][0].Marks == token.Marks) spans[^1].Add(token);
            else spans.Add([token]);
        }
        return new InlineMarkWriter(atLineStart).Write(spans);
    }

    /// <summary>
    /// Merges same-formatted text, splits it into words and spaces, trims the line, and gives each run of
    /// spaces only the marks it shares with both its sides, so marks open right before a word and close right after one.
    /// </summary>
    private static List<InlineToken> Tokens(List<InlinePiece> line)
    {
        var raw = new List<InlineToken>();
        foreach (var piece in line)
        {
            if (piece is MarkupPiece markup) { raw.Add(new InlineToken(markup.Markdown, markup.Marks, false, true)); continue; }
            if (piece is not TextPiece text) continue;
            var start = 0;
            while (start < text.Text.Length)
            {
                var isSpace = char.IsWhiteSpace(text.Text[start]);
                var end = start;
                while (end < text.Text.Length && char.IsWhiteSpace(text.Text[end]) == isSpace) end++;
                Append(raw, new InlineToken(text.Text[start..end], text.Marks, isSpace, false));
                start = end;
            }
        }
        while (raw.Count > 0 && raw[0].IsSpace) raw.RemoveAt(0);
        while (raw.Count > 0 && raw[^1].IsSpace) raw.RemoveAt(raw.Count - 1);
        for (var i = 0; i < raw.Count; i++)
            if (raw[i].IsSpace) raw[i] = raw[i] with { Marks = raw[i].Marks & raw[i - 1].Marks & raw[i + 1].Marks };
        return raw;
    }

    /// <summary>Adds a token, joining it to the previous one when both are spaces (keeping the marks both have), or both words of the same marks.</summary>
    private static void Append(List<InlineToken> tokens, InlineToken token)
    {
        if (tokens.Count > 0 && !tokens[^1].IsMarkup && tokens[^1].IsSpace == token.IsSpace
            && (token.IsSpace || tokens[^1].Marks == token.Marks))
            tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + token.Text, Marks = tokens[^1].Marks & token.Marks };
        else tokens.Add(token);
    }
}
