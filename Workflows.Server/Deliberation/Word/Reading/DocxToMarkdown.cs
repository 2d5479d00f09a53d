using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Turns an opened Word document into a draft: the body's blocks in order (headings, paragraphs, lists,
/// tables) separated by blank lines, then the notes. Headers and footers are page furniture (ours carry the
/// version line) and are not read.
/// </summary>
internal sealed class DocxToMarkdown
{
    private readonly WordReadingContext _context;
    private readonly List<string> _blocks = [];
    private readonly ListItemMarkers _listMarkers = new();
    private StringBuilder? _list;
    private string? _title;

    private DocxToMarkdown(WordReadingContext context) => _context = context;

    public static DocxImport Convert(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart ?? throw DocxRefusals.Damaged();
        var body = main.Document?.Body ?? throw DocxRefusals.Damaged();
        var styles = new WordStyles(main.StyleDefinitionsPart?.RootElement);
        var context = new WordReadingContext(styles, new WordNumbering(main.NumberingDefinitionsPart?.RootElement, styles),
            new WordNotes(main.FootnotesPart, main.EndnotesPart), new DocxLossTally());

        var reader = new DocxToMarkdown(context);
        reader.WriteBody(body, new WordInlineReader(context, main));
        reader.WriteNotes();
        CountComments(main, body, context.Losses);
        CountTrackedChanges([body, main.FootnotesPart?.RootElement, main.EndnotesPart?.RootElement], context.Losses);

        var title = reader._title ?? (string.IsNullOrWhiteSpace(document.PackageProperties.Title) ? null : document.PackageProperties.Title.Trim());
        return new DocxImport(reader.Markdown(), title, context.Losses.ToList());
    }

    private void WriteBody(OpenXmlElement body, WordInlineReader inline)
    {
        foreach (var block in WordBlocks.Of(body))
        {
            if (block.Is("p")) WriteParagraph(block, inline);
            else if (block.Is("tbl")) AddBlock(WordTableMarkdown.Write(block, inline, _context.Losses));
            else _context.Losses.Add(DocxLossTally.EmbeddedObject);
        }
    }

    private void WriteParagraph(OpenXmlElement paragraph, WordInlineReader inline)
    {
        var pieces = inline.Read(paragraph);
        var role = _context.Styles.RoleOf(paragraph);
        if (role.Kind == ParagraphRoleKind.Title)
        {
            if (_title is null)
            {
                var title = InlineMarkdown.PlainText(pieces);
                if (title.Length > 0) _title = title;
                return;
            }
            role = ParagraphRole.Heading(1);
        }
        var level = _context.Styles.NumberingOf(paragraph) is { } numbering ? _context.Numbering.LevelOf(numbering) : null;
        if (role.Kind == ParagraphRoleKind.Heading)
        {
            // A numbered heading stays a heading, but counts in its list as in Word: "1.1" under it restarts.
            if (level is not null) _listMarkers.Skip(level);
            var heading = InlineMarkdown.Write(pieces, " ", atBlockStart: true);
            if (heading.Length > 0) AddBlock(new string('#', role.HeadingLevel) + " " + heading);
            return;
        }
        if (level is not null)
        {
            WriteListItem(pieces, level);
            return;
        }
        AddBlock(InlineMarkdown.Write(pieces, "\\\n", atBlockStart: true));
    }

    /// <summary>An item joins the list being written (one "\n" apart); its continuation lines align with its text.</summary>
    private void WriteListItem(List<InlinePiece> pieces, ListLevel level)
    {
        if (!pieces.Any(p => p is MarkupPiece || (p is TextPiece t && !string.IsNullOrWhiteSpace(t.Text))))
        {
            _listMarkers.Skip(level);
            return;
        }
        var start = _listMarkers.Next(level);
        var text = InlineMarkdown.Write(pieces, "\\\n" + new string(' ', start.ContentIndent), atBlockStart: true);
        if (_list is null) _list = new StringBuilder();
        else _list.Append(start.BlankLineBefore ? "\n\n" : "\n");
        _list.Append(start.Prefix).Append(text);
    }

    /// <summary>Each note as a paragraph after the body, "^n^ text", its paragraphs joined by a space.</summary>
    private void WriteNotes()
    {
        for (var i = 0; i < _context.Notes.InOrder.Count; i++)
        {
            var note = _context.Notes.InOrder[i];
            var inline = new WordInlineReader(_context, note.Part);
            var texts = NoteParagraphs(note.Note)
                .Select(p => InlineMarkdown.Write(inline.Read(p), "\\\n", atBlockStart: false))
                .Where(t => t.Length > 0);
            AddBlock((WordConventions.NoteMark(note.Number) + " " + string.Join(" ", texts)).TrimEnd());
        }
    }

    private static IEnumerable<OpenXmlElement> NoteParagraphs(OpenXmlElement container) =>
        WordBlocks.Of(container).SelectMany(block =>
            block.Is("p") ? [block]
            : block.Is("tbl") ? WordBlocks.RowsOf(block).SelectMany(WordBlocks.CellsOf).SelectMany(NoteParagraphs)
            : []);

    private void AddBlock(string markdown)
    {
        if (markdown.Length == 0) return;
        EndList();
        _blocks.Add(markdown);
    }

    private void EndList()
    {
        if (_list is not null) _blocks.Add(_list.ToString());
        _list = null;
        _listMarkers.EndBlock();
    }

    private string Markdown()
    {
        EndList();
        return string.Join("\n\n", _blocks).TrimEnd();
    }

    private static void CountComments(MainDocumentPart main, OpenXmlElement body, DocxLossTally losses)
    {
        var inPart = main.WordprocessingCommentsPart?.RootElement.Children("comment").Count() ?? 0;
        losses.Add(DocxLossTally.Comment, inPart > 0 ? inPart : body.Descendants().Count(d => d.Is("commentReference")));
    }

    private static readonly HashSet<string> TrackedChanges =
        ["ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
         "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge"];

    private static void CountTrackedChanges(IEnumerable<OpenXmlElement?> stories, DocxLossTally losses) =>
        losses.Add(DocxLossTally.TrackedChange,
            stories.Sum(s => s?.Descendants().Count(d => d.NamespaceUri == WordXml.W && TrackedChanges.Contains(d.LocalName)) ?? 0));
}
