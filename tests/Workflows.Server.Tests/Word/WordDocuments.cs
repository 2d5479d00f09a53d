using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FocWorkflows.Server.Tests.Word;

/// <summary>
/// Builds .docx files for the reader's tests with the Open XML SDK, with the parts Word itself writes: styles
/// (built-in names, a German heading id, our paragraph number style), numbering (bullets, decimals, a list
/// starting at 3), and footnotes and endnotes with Word's separator notes.
/// </summary>
internal sealed class WordDocuments
{
    public const int BulletList = 1;
    public const int DecimalList = 2;
    public const int ListFromThree = 3;
    public const int SecondDecimalList = 4;

    private readonly MainDocumentPart _main;
    private int _nextNoteId = 1;
    private int _nextCommentId;

    private WordDocuments(MainDocumentPart main) => _main = main;

    public MainDocumentPart Main => _main;

    public Body Body => _main.Document.Body!;

    /// <summary>A .docx whose body <paramref name="write"/> fills.</summary>
    public static byte[] Create(Action<WordDocuments> write, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            AddNumbering(main);
            AddNotes(main);
            write(new WordDocuments(main));
        }
        return stream.ToArray();
    }

    public static byte[] Create(params OpenXmlElement[] blocks) => Create(d => d.Body.Append(blocks));

    public void Add(params OpenXmlElement[] blocks) => Body.Append(blocks);

    // Content -----------------------------------------------------------------------------------------------------

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Paragraph P(string text) => new(R(text));

    public static Paragraph Styled(string styleId, params OpenXmlElement[] content) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = styleId }), .. content]);

    public static Paragraph Item(int numId, int level, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), R(text));

    /// <summary>A run of text, spaces kept, with these run properties (<c>new Bold()</c>, <c>new RunStyle { Val = "Strong" }</c>…).</summary>
    public static Run R(string text, params OpenXmlElement[] properties) =>
        properties.Length == 0
            ? new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })
            : new Run(new RunProperties(properties), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static TableCell Cell(params string[] paragraphs) => new(paragraphs.Select(p => (OpenXmlElement)P(p)));

    public static Table Table(params TableRow[] rows) => new([new TableProperties(new TableStyle { Val = "TableGrid" }), .. rows]);

    public static TableRow Row(params TableCell[] cells) => new(cells);

    public Hyperlink Link(string url, params OpenXmlElement[] runs) =>
        new(runs) { Id = _main.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), true).Id };

    /// <summary>Adds a footnote as Word writes it (its own reference mark, then a space) and returns the run referring to it.</summary>
    public Run Footnote(params OpenXmlElement[] runs) => AddNote(_main.FootnotesPart!.Footnotes!, "FootnoteReference", runs,
        (id, content) => new Footnote(content) { Id = id }, id => new FootnoteReference { Id = id }, new FootnoteReferenceMark());

    public Run Endnote(params OpenXmlElement[] runs) => AddNote(_main.EndnotesPart!.Endnotes!, "EndnoteReference", runs,
        (id, content) => new Endnote(content) { Id = id }, id => new EndnoteReference { Id = id }, new EndnoteReferenceMark());

    /// <summary>Adds a comment on <paramref name="commented"/> and returns the runs around it, as Word anchors a comment.</summary>
    public OpenXmlElement[] Commented(Run commented, string comment)
    {
        var part = _main.WordprocessingCommentsPart ?? _main.AddNewPart<WordprocessingCommentsPart>();
        part.Comments ??= new Comments();
        var id = (_nextCommentId++).ToString(CultureInfo.InvariantCulture);
        part.Comments.Append(new Comment(P(comment)) { Id = id, Author = "Delegate of Ghana", Initials = "GH" });
        return [new CommentRangeStart { Id = id }, commented, new CommentRangeEnd { Id = id }, new Run(new CommentReference { Id = id })];
    }

    private Run AddNote<TNote>(TNote notes, string referenceStyle, OpenXmlElement[] runs, Func<long, OpenXmlElement[], OpenXmlElement> note,
        Func<long, OpenXmlElement> reference, OpenXmlElement ownMark) where TNote : OpenXmlCompositeElement
    {
        var id = _nextNoteId++;
        var mark = new Run(new RunProperties(new RunStyle { Val = referenceStyle }), ownMark);
        notes.Append(note(id, [new Paragraph([new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }), mark, R(" "), .. runs])]));
        return new Run(new RunProperties(new RunStyle { Val = referenceStyle }), reference(id));
    }

    // Parts as Word writes them ---------------------------------------------------------------------------------

    private static void AddStyles(MainDocumentPart main) =>
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            ParagraphStyle("Normal", "Normal", isDefault: true),
            ParagraphStyle("Heading1", "heading 1", outlineLevel: 0, basedOn: "Normal"),
            ParagraphStyle("Heading2", "heading 2", outlineLevel: 1, basedOn: "Normal"),
            // A German Word: the id is localised, the name is not. No outline level, so only the name can tell.
            ParagraphStyle("berschrift3", "heading 3", basedOn: "Normal"),
            ParagraphStyle("AgendaItem", "Agenda Item", basedOn: "berschrift3"),
            ParagraphStyle("Title", "Title", basedOn: "Normal"),
            ParagraphStyle("Subtitle", "Subtitle", basedOn: "Normal"),
            ParagraphStyle("ListParagraph", "List Paragraph", basedOn: "Normal"),
            ParagraphStyle("FootnoteText", "footnote text", basedOn: "Normal"),
            CharacterStyle("Strong", "Strong", new Bold()),
            CharacterStyle("Emphasis", "Emphasis"),
            CharacterStyle("FocParagraphNumber", "FocParagraphNumber", new Color { Val = "808080" }),
            CharacterStyle("FootnoteReference", "footnote reference", new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
            CharacterStyle("EndnoteReference", "endnote reference", new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }));

    private static Style ParagraphStyle(string id, string name, bool isDefault = false, int? outlineLevel = null, string? basedOn = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        if (outlineLevel is not null) style.Append(new StyleParagraphProperties(new OutlineLevel { Val = outlineLevel }));
        return style;
    }

    private static Style CharacterStyle(string id, string name, params OpenXmlElement[] runProperties) =>
        new(new StyleName { Val = name }, new StyleRunProperties(runProperties)) { Type = StyleValues.Character, StyleId = id };

    private static void AddNumbering(MainDocumentPart main) =>
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
            Abstract(1, Level(0, NumberFormatValues.Bullet), Level(1, NumberFormatValues.Bullet)),
            Abstract(2, Level(0, NumberFormatValues.Decimal), Level(1, NumberFormatValues.LowerLetter)),
            Abstract(3, Level(0, NumberFormatValues.Decimal, start: 3)),
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = DecimalList },
            new NumberingInstance(new AbstractNumId { Val = 3 }) { NumberID = ListFromThree },
            // "Restart numbering" in Word: a new instance of the same list with a start override.
            new NumberingInstance(new AbstractNumId { Val = 2 },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 }) { NumberID = SecondDecimalList });

    private static AbstractNum Abstract(int id, params Level[] levels) => new(levels) { AbstractNumberId = id };

    private static Level Level(int index, NumberFormatValues format, int start = 1) =>
        new(new StartNumberingValue { Val = start }, new NumberingFormat { Val = format },
            new LevelText { Val = format == NumberFormatValues.Bullet ? "•" : $"%{index + 1}." }) { LevelIndex = index };

    private static void AddNotes(MainDocumentPart main)
    {
        main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(
            new Footnote(P(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(P(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        main.AddNewPart<EndnotesPart>().Endnotes = new Endnotes(
            new Endnote(P(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Endnote(P(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
    }

    // Raw zips, for what Word would never write -----------------------------------------------------------------

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        return stream.ToArray();
    }

    /// <summary>A zip under 1 MB whose one part is 100 MB of zeros.</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 100; i++) entry.Write(zeros);
        }
        return stream.ToArray();
    }

    /// <summary>The same .docx with one entry's content replaced.</summary>
    public static byte[] WithEntry(byte[] docx, string name, string content)
    {
        using var original = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return Zip([.. original.Entries.Select(e => (e.FullName, e.FullName == name ? Encoding.UTF8.GetBytes(content) : ReadAll(e)))]);
    }

    public static string ReadEntry(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return Encoding.UTF8.GetString(ReadAll(zip.GetEntry(name)!));
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
