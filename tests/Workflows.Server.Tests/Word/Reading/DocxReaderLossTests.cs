using DocumentFormat.OpenXml.Wordprocessing;
using FocWorkflows.Server.Deliberation.Word.Reading;
using static FocWorkflows.Server.Tests.Word.WordDocuments;

namespace FocWorkflows.Server.Tests.Word.Reading;

/// <summary>What a draft cannot hold: read past, counted, and told to the uploader.</summary>
public sealed class DocxReaderLossTests
{
    [Fact]
    public void Read_PendingTrackedChanges_ReadAsAccepted_AndSaidSo()
    {
        var docx = Create(P(
            R("The Coalition "),
            new DeletedRun(new Run(new DeletedText("welcomes ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "Canada" },
            new InsertedRun(R("strongly condemns ")) { Id = "2", Author = "Canada" },
            R("shutdowns.")));

        var import = DocxReader.Read(docx);

        Assert.Equal("The Coalition strongly condemns shutdowns.", import.Markdown);
        var loss = Assert.Single(import.Losses);
        Assert.Equal(("tracked-change", 2), (loss.Kind, loss.Count));
        Assert.Equal("2 tracked changes were still pending: the text is read as if all were accepted.", loss.Message);
    }

    [Fact]
    public void Read_Comment_IsReportedNotKept()
    {
        var docx = Create(d => d.Add(P([R("Text "), .. d.Commented(R("under discussion"), "Can we accept this?"), R(".")])));

        var import = DocxReader.Read(docx);

        Assert.Equal("Text under discussion.", import.Markdown);
        var loss = Assert.Single(import.Losses);
        Assert.Equal(("comment", 1), (loss.Kind, loss.Count));
        Assert.StartsWith("1 Word comment is not kept", loss.Message);
    }

    [Fact]
    public void Read_DrawingsTextBoxesAndObjects_AreReportedNotKept()
    {
        var docx = Create(
            P(R("Before "), new Run(new Drawing()), new Run(new Drawing()), R("after.")),
            P(new Run(new Picture(new TextBoxContent(P("Text in a box."))))),
            P(new Run(new EmbeddedObject())));

        var import = DocxReader.Read(docx);

        Assert.Equal("Before after.", import.Markdown);
        Assert.Equal([("image", 2), ("text-box", 1), ("embedded-object", 1)], import.Losses.Select(l => (l.Kind, l.Count)));
        Assert.Equal("2 images (pictures, charts or diagrams) are not kept: a draft is text.", import.Losses[0].Message);
        Assert.All(import.Losses, l => Assert.False(string.IsNullOrWhiteSpace(l.Message)));
    }

    [Fact]
    public void Read_TextBoxAsWordWritesIt_WithAFallbackForOldReaders_CountsOnce()
    {
        var paragraph = new Paragraph(
            """<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" """
            + """xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" """
            + """xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"""
            + """<w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve">Shape </w:t></w:r><w:bookmarkStart w:id="0" w:name="x"/><w:r><w:lastRenderedPageBreak/>"""
            + """<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"""
            + """<w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"""
            + """<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"""
            + """</mc:Fallback></mc:AlternateContent></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t>text.</w:t></w:r></w:p>""");

        var import = DocxReader.Read(Create(paragraph));

        Assert.Equal("Shape text.", import.Markdown);
        Assert.Equal(("text-box", 1), (import.Losses.Single().Kind, import.Losses.Single().Count));
    }

    [Fact]
    public void Read_HeadersAndFooters_AreIgnoredAndNotReported()
    {
        var docx = Create(d =>
        {
            var main = d.Main;
            var header = main.AddNewPart<DocumentFormat.OpenXml.Packaging.HeaderPart>();
            header.Header = new Header(P("Version 3 of 12 May"));
            d.Add(P("Body."), new SectionProperties(new HeaderReference { Id = main.GetIdOfPart(header), Type = HeaderFooterValues.Default }));
        });

        var import = DocxReader.Read(docx);

        Assert.Equal("Body.", import.Markdown);
        Assert.Empty(import.Losses);
    }
}
