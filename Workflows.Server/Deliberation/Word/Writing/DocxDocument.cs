using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>Who made a tracked change, and when: Word shows it in the change's balloon.</summary>
public sealed record ChangeAuthor(string Name, DateTimeOffset At);

/// <summary>
/// A Word document being written: our styles, list numbering made as lists are added, hyperlinks,
/// a header line, the document's properties. Everything our .docx downloads share.
/// </summary>
internal sealed class DocxDocument : IDisposable
{
    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _package;
    private readonly Body _body = new();
    private readonly List<AbstractNum> _listDefinitions = [];
    private readonly List<NumberingInstance> _lists = [];
    private int _changeIds;
    private int? _bulletList;

    /// <param name="landscape">For wide tables (the comment-resolution matrix).</param>
    public DocxDocument(string title, string? author, DateTimeOffset created, string? headerLine, string language = "en-GB", bool landscape = false)
    {
        _package = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        var main = _package.AddMainDocumentPart();
        main.Document = new Document(_body);
        main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create(language);
        _package.PackageProperties.Title = title;
        _package.PackageProperties.Creator = author;
        _package.PackageProperties.Created = created.UtcDateTime;
        _package.PackageProperties.Language = language;

        var section = new SectionProperties();
        if (headerLine is not null)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Subtitle }, new Justification { Val = JustificationValues.Right }),
                new Run(new Text(headerLine) { Space = SpaceProcessingModeValues.Preserve })));
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        }
        // A4, the size ministries print on; 2 cm margins.
        section.Append(landscape
            ? new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = 11906, Height = 16838 });
        section.Append(new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U });
        _sectionProperties = section;
    }

    private readonly SectionProperties _sectionProperties;

    public MainDocumentPart Main => _package.MainDocumentPart!;

    /// <summary>The text width in twentieths of a point: the page less its margins.</summary>
    public int TextWidth => (int)(_sectionProperties.GetFirstChild<PageSize>()!.Width!.Value - 2 * 1134);

    public void Append(OpenXmlElement element) => _body.Append(element);

    /// <summary>A new id for a tracked change (w:ins, w:del): unique in the document, as Word requires.</summary>
    public string NextChangeId() => (++_changeIds).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The numbering of a new list: an ordered list gets its own, starting where the Markdown starts it
    /// (so "3." stays 3); bullets share one.
    /// </summary>
    public int NewList(bool ordered, int start)
    {
        if (!ordered && _bulletList is { } bullets) return bullets;
        var id = _lists.Count + 1;
        _listDefinitions.Add(ListDefinition(id, ordered, start));
        _lists.Add(new NumberingInstance(new AbstractNumId { Val = id }) { NumberID = id });
        if (!ordered) _bulletList = id;
        return id;
    }

    /// <summary>A hyperlink's relationship id, for a link already known to be http(s) or mailto.</summary>
    public string LinkId(string url) => Main.AddHyperlinkRelationship(new Uri(url, UriKind.Absolute), true).Id;

    public byte[] ToBytes()
    {
        if (_lists.Count > 0)
            Main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering([.. _listDefinitions, .. _lists]);
        _body.Append(_sectionProperties);
        _package.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _package.Dispose();
        _stream.Dispose();
    }

    private static AbstractNum ListDefinition(int id, bool ordered, int start)
    {
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            var indent = (level + 1) * 720;
            definition.Append(new Level(
                new StartNumberingValue { Val = level == 0 ? start : 1 },
                new NumberingFormat { Val = ordered ? NumberFormatValues.Decimal : NumberFormatValues.Bullet },
                new LevelText { Val = ordered ? $"%{level + 1}." : level % 2 == 0 ? "•" : "◦" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level });
        }
        return definition;
    }
}
