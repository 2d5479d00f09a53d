using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

public enum TrackedChange { None, Inserted, Deleted }

/// <summary>
/// Writes blocks as Word paragraphs and tables into a <see cref="DocxDocument"/>: runs in their format,
/// links, our paragraph numbers, and tracked insertions and deletions for redlines.
/// </summary>
internal sealed class DocxParagraphs(DocxDocument document, ChangeAuthor? author = null)
{
    private int? _list;
    private bool? _listOrdered;

    /// <summary>
    /// The language of the text appended from now on (BCP 47), or null for the document's: Word checks spelling
    /// in it, and writes right-to-left languages from the right.
    /// </summary>
    public string? Language { get; set; }

    private bool RightToLeft => Language is not null && LanguageTags.IsRightToLeft(Language);

    /// <summary>
    /// A product paragraph (one or more blocks) under its number. <paramref name="change"/> marks the whole
    /// paragraph inserted or deleted; a paragraph changed in place is written by <see cref="AppendChanged"/>.
    /// </summary>
    public void AppendNumbered(int? number, IReadOnlyList<WordBlock> blocks, TrackedChange change = TrackedChange.None)
    {
        var first = true;
        foreach (var block in blocks)
        {
            if (block is TableBlock table)
            {
                // A table cannot carry a number in its text: the number stands in a paragraph of its own above it.
                if (first && number is { } n) document.Append(NumberOnly(n, change));
                document.Append(Table(table, change, Language));
                EndList();
            }
            else
            {
                var text = (TextBlock)block;
                var paragraph = Paragraph(text, first ? number : null, change);
                foreach (var piece in text.Pieces) paragraph.Append(Run(piece, change, Language));
                document.Append(paragraph);
            }
            first = false;
        }
    }

    /// <summary>One paragraph whose words changed: <paramref name="pieces"/> with each piece's own change.</summary>
    public void AppendChanged(int? number, TextBlock shape, IEnumerable<(WordPiece Piece, TrackedChange Change)> pieces)
    {
        var paragraph = Paragraph(shape, number, TrackedChange.None);
        foreach (var (piece, change) in pieces) paragraph.Append(Run(piece, change, Language));
        document.Append(paragraph);
    }

    /// <summary>A plain paragraph in a style, outside the numbering (titles, the publication's date line).</summary>
    public void AppendPlain(string style, IReadOnlyList<WordPiece> pieces)
    {
        EndList();
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (RightToLeft) properties.Append(new BiDi());
        var paragraph = new Paragraph(properties);
        foreach (var piece in pieces) paragraph.Append(Run(piece, TrackedChange.None, Language));
        document.Append(paragraph);
    }

    /// <summary>The next paragraph starts on a new page.</summary>
    public void AppendPageBreak()
    {
        EndList();
        document.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
    }

    public Table Table(TableBlock table, TrackedChange change = TrackedChange.None, string? language = null)
    {
        var columns = Math.Max(1, table.Rows.Max(r => r.Count));
        var width = document.TextWidth / columns;
        var result = new Table(
            new TableProperties(new TableStyle { Val = DocxStyles.TableGrid }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLook { Val = "04A0", FirstRow = true, FirstColumn = false, LastRow = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid([.. Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) })]));
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = new TableRow();
            var rowProperties = new TableRowProperties();
            if (r == 0) rowProperties.Append(new TableHeader()); // the header row repeats on every page
            if (Mark(change) is { } mark) rowProperties.Append(mark);
            if (rowProperties.HasChildren) row.Append(rowProperties);
            for (var c = 0; c < columns; c++)
            {
                var cell = table.Rows[r].ElementAtOrDefault(c) ?? [];
                var paragraph = new Paragraph();
                if (ParagraphMark(change) is { } markProperties) paragraph.Append(new ParagraphProperties(markProperties));
                foreach (var piece in cell) paragraph.Append(Run(piece, change, language));
                row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), paragraph));
            }
            result.Append(row);
        }
        return result;
    }

    private Paragraph Paragraph(TextBlock block, int? number, TrackedChange change)
    {
        var properties = new ParagraphProperties();
        switch (block.Kind)
        {
            case TextBlockKind.Heading:
                EndList();
                properties.Append(new ParagraphStyleId { Val = DocxStyles.Heading(block.HeadingLevel) });
                break;
            case TextBlockKind.ListItem:
                properties.Append(new ParagraphStyleId { Val = DocxStyles.ListParagraph },
                    new NumberingProperties(new NumberingLevelReference { Val = block.ListLevel }, new NumberingId { Val = ListFor(block) }));
                break;
            case TextBlockKind.Quote:
                EndList();
                properties.Append(new ParagraphStyleId { Val = DocxStyles.Quote });
                break;
            case TextBlockKind.Code:
                EndList();
                properties.Append(new ParagraphStyleId { Val = DocxStyles.Code });
                break;
            default:
                EndList();
                break;
        }
        var hanging = number is not null && block.Kind is not TextBlockKind.ListItem;
        // The number hangs in the margin of the text, as the coalition's documents cite "paragraph 4".
        if (hanging) properties.Append(new Tabs(new TabStop { Val = TabStopValues.Left, Position = 567 }));
        if (RightToLeft) properties.Append(new BiDi());
        if (hanging) properties.Append(new Indentation { Left = "567", Hanging = "567" });
        if (ParagraphMark(change) is { } mark) properties.Append(mark);
        var paragraph = new Paragraph();
        if (properties.HasChildren) paragraph.Append(properties);
        if (number is { } n)
        {
            paragraph.Append(Run(new WordPiece(n.ToString(CultureInfo.InvariantCulture), default), change, style: WordConventions.ParagraphNumberStyle));
            paragraph.Append(Wrap(new Run(new TabChar()), change));
        }
        return paragraph;
    }

    private Paragraph NumberOnly(int number, TrackedChange change)
    {
        var paragraph = Paragraph(new TextBlock(TextBlockKind.Paragraph, []), number, change);
        paragraph.ParagraphProperties!.PrependChild(new KeepNext()); // before its tabs and indentation, as the schema orders them
        return paragraph;
    }

    private int ListFor(TextBlock item)
    {
        if (_list is { } current && (item.ListLevel > 0 || _listOrdered == item.Ordered)) return current;
        _listOrdered = item.Ordered;
        return (_list = document.NewList(item.Ordered, item.ListStart)).Value;
    }

    private void EndList() => (_list, _listOrdered) = (null, null);

    private OpenXmlElement Run(WordPiece piece, TrackedChange change, string? language = null, string? style = null)
    {
        var properties = new RunProperties();
        if (style is not null) properties.Append(new RunStyle { Val = style });
        else if (piece.Link is not null) properties.Append(new RunStyle { Val = DocxStyles.Hyperlink });
        if (piece.Format.Code) properties.Append(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" });
        if (piece.Format.Bold) properties.Append(new Bold());
        if (piece.Format.Italic) properties.Append(new Italic());
        if (piece.Format.Strike) properties.Append(new Strike());
        if (piece.Format.Superscript || piece.Format.Subscript)
            properties.Append(new VerticalTextAlignment { Val = piece.Format.Superscript ? VerticalPositionValues.Superscript : VerticalPositionValues.Subscript });
        if (language is not null)
        {
            if (LanguageTags.IsRightToLeft(language)) properties.Append(new RightToLeftText());
            properties.Append(new Languages { Val = language, Bidi = LanguageTags.IsRightToLeft(language) ? language : null });
        }

        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        if (piece.Break) run.Append(new Break());
        else if (change == TrackedChange.Deleted) run.Append(new DeletedText(piece.Text) { Space = SpaceProcessingModeValues.Preserve });
        else run.Append(new Text(piece.Text) { Space = SpaceProcessingModeValues.Preserve });

        var result = Wrap(run, change);
        if (piece.Link is not null) result = new Hyperlink(result) { Id = document.LinkId(piece.Link), History = true };
        return result;
    }

    private OpenXmlElement Wrap(Run run, TrackedChange change) => change switch
    {
        TrackedChange.Inserted => new InsertedRun(run) { Id = document.NextChangeId(), Author = Author.Name, Date = Author.At.UtcDateTime },
        TrackedChange.Deleted => new DeletedRun(run) { Id = document.NextChangeId(), Author = Author.Name, Date = Author.At.UtcDateTime },
        _ => run,
    };

    /// <summary>The paragraph mark itself inserted or deleted, so accepting a change joins or splits paragraphs as it should.</summary>
    private ParagraphMarkRunProperties? ParagraphMark(TrackedChange change) => Mark(change) is { } mark ? new ParagraphMarkRunProperties(mark) : null;

    private OpenXmlElement? Mark(TrackedChange change) => change switch
    {
        TrackedChange.Inserted => new Inserted { Id = document.NextChangeId(), Author = Author.Name, Date = Author.At.UtcDateTime },
        TrackedChange.Deleted => new Deleted { Id = document.NextChangeId(), Author = Author.Name, Date = Author.At.UtcDateTime },
        _ => null,
    };

    private ChangeAuthor Author => author ?? throw new InvalidOperationException("A tracked change needs an author.");
}
