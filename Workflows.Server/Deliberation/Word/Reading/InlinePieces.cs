namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>The character formatting a draft keeps; everything else Word has (fonts, colours, underline) is dropped.</summary>
[Flags]
internal enum InlineMarks
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Strike = 4,
    Superscript = 8,
    Subscript = 16,
}

/// <summary>A paragraph's content as read from Word, before it is written as Markdown.</summary>
internal abstract record InlinePiece;

/// <summary>Literal text: escaped when written, so Markdown reads it back as the same text.</summary>
internal sealed record TextPiece(string Text, InlineMarks Marks) : InlinePiece;

/// <summary>Markdown already written (a link, a note mark), with the text a reader sees and the marks around it.</summary>
internal sealed record MarkupPiece(string Markdown, string PlainText, InlineMarks Marks) : InlinePiece;

/// <summary>A line break inside the paragraph (Shift+Enter in Word).</summary>
internal sealed record BreakPiece : InlinePiece
{
    public static readonly BreakPiece Instance = new();
}
