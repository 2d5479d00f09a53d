namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>How a stretch of text looks; what Markdown can say and Word can show alike.</summary>
public readonly record struct RunFormat(bool Bold = false, bool Italic = false, bool Strike = false, bool Superscript = false,
    bool Subscript = false, bool Code = false);

/// <summary>A stretch of text in one format, maybe a link; <see cref="Break"/> is a line break within the paragraph.</summary>
public sealed record WordPiece(string Text, RunFormat Format, string? Link = null, bool Break = false);

public enum TextBlockKind { Paragraph, Heading, ListItem, Code, Quote }

/// <summary>
/// One paragraph of a Word document: a heading (level 1-6), a list item (ordered or not, its level
/// and, for the first item of an ordered list, where it starts), code, a quote or plain text.
/// </summary>
public sealed record TextBlock(TextBlockKind Kind, IReadOnlyList<WordPiece> Pieces, int HeadingLevel = 0, bool Ordered = false,
    int ListLevel = 0, int ListStart = 1) : WordBlock;

/// <summary>A table: rows of cells, each cell the pieces of its text; the first row is the header.</summary>
public sealed record TableBlock(IReadOnlyList<IReadOnlyList<IReadOnlyList<WordPiece>>> Rows) : WordBlock;

/// <summary>A block of a document as our writers build it, from Markdown or from a record.</summary>
public abstract record WordBlock;
