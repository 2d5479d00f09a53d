using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Word;
using FocWorkflows.Server.Deliberation.Word.Reading;
using static FocWorkflows.Server.Tests.Word.WordDocuments;

namespace FocWorkflows.Server.Tests.Word.Reading;

/// <summary>Formatting, links, notes, fields and escaping inside a paragraph.</summary>
public sealed class DocxReaderInlineTests
{
    private static string MarkdownOf(params OpenXmlElement[] blocks) => DocxReader.Read(Create(blocks)).Markdown;

    [Fact]
    public void Read_BoldItalicAndBoth_WriteEmphasisMarks()
    {
        var markdown = MarkdownOf(P(R("plain "), R("bold", new Bold()), R(" "), R("italic", new Italic()), R(" "),
            R("both", new Bold(), new Italic()), R(" "), R("struck", new Strike()), R(" x"), R("2", new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
            R(" H"), R("2", new VerticalTextAlignment { Val = VerticalPositionValues.Subscript }), R("O")));

        Assert.Equal("plain **bold** *italic* ***both*** ~~struck~~ x^2^ H~2~O", markdown);
    }

    [Fact]
    public void Read_RunsSplitArbitrarily_AreMergedAndSpacesMovedOutsideTheMarks()
    {
        var markdown = MarkdownOf(P(R("Bo", new Bold()), R("ld ", new Bold()), R("text "), R(" also bold ", new Bold()), R("end")));

        Assert.Equal("**Bold** text  **also bold** end", markdown);
    }

    [Fact]
    public void Read_SpanInsideASpan_IsNested()
    {
        var markdown = MarkdownOf(P(R("The ", new Bold()), R("very", new Bold(), new Italic()), R(" end", new Bold()), R(".")));

        Assert.Equal("**The *very* end**.", markdown);
    }

    [Fact]
    public void Read_Marks_RenderAsWordShowsThem()
    {
        var markdown = MarkdownOf(P(R("The ", new Bold()), R("very", new Bold(), new Italic()), R(" end", new Bold()), R(" and "),
            R("italic", new Italic()), R(" "), R("both", new Bold(), new Italic()), R(" in"), R("side", new Bold()), R(".")));

        Assert.Equal("<p><strong>The <em>very</em> end</strong> and <em>italic</em> <em><strong>both</strong></em> in<strong>side</strong>.</p>",
            DraftHtml.Render(markdown).Trim());
    }

    [Fact]
    public void Read_BoldSwitchedOffAndCharacterStyles_FollowWord()
    {
        var markdown = MarkdownOf(P(R("strong", new RunStyle { Val = "Strong" }), R(" "), R("emphasis", new RunStyle { Val = "Emphasis" }), R(" "),
            R("not bold", new RunStyle { Val = "Strong" }, new Bold { Val = false }), R(" "), R("zero", new Bold { Val = OnOffValue.FromBoolean(false) })));

        Assert.Equal("**strong** *emphasis* not bold zero", markdown);
    }

    [Fact]
    public void Read_UnderlineAndColour_AreDroppedSilently()
    {
        var import = DocxReader.Read(Create(P(R("underlined", new Underline { Val = UnderlineValues.Single }, new Color { Val = "FF0000" }))));

        Assert.Equal("underlined", import.Markdown);
        Assert.Empty(import.Losses);
    }

    [Fact]
    public void Read_ExternalHyperlink_BecomesAMarkdownLink_AnInternalOneItsText()
    {
        var docx = Create(d => d.Add(P(R("See "), d.Link("https://example.org/report_(2024)", R("the report", new Bold())), R(" and "),
            new Hyperlink(R("the annex")) { Anchor = "_Annex" }, R("."))));

        var markdown = DocxReader.Read(docx).Markdown;

        Assert.Equal("See **[the report](https://example.org/report_\\(2024\\))** and the annex.", markdown);
    }

    [Fact]
    public void Read_MalformedLinkAddress_KeepsTheLinkText()
    {
        var docx = Create(d => d.Add(P(R("Write to "), d.Link("mailto:placeholder@example.org", R("the secretariat")), R("."))));
        var relationships = ReadEntry(docx, "word/_rels/document.xml.rels");
        docx = WithEntry(docx, "word/_rels/document.xml.rels", relationships.Replace("mailto:placeholder@example.org", "mailto:secretariat@foc example:org]"));

        var import = DocxReader.Read(docx);

        Assert.Equal("Write to the secretariat.", import.Markdown);
    }

    [Fact]
    public void Read_FootnoteAndEndnote_AreNumberedTogetherAndWrittenAfterTheBody()
    {
        var docx = Create(d => d.Add(
            P(R("Recalling the report"), d.Footnote(R("A/HRC/50/55, "), R("para. 12", new Italic()), R(".")), R(" and the study"), d.Endnote(R("Published in 2023.")), R(".")),
            P("Last paragraph.")));

        var markdown = DocxReader.Read(docx).Markdown;

        Assert.Equal("Recalling the report^1^ and the study^2^.\n\nLast paragraph.\n\n^1^ A/HRC/50/55, *para. 12*.\n\n^2^ Published in 2023.", markdown);
    }

    [Fact]
    public void Read_OurParagraphNumbers_AreDroppedWithTheTabAfterThem()
    {
        var markdown = MarkdownOf(
            P(R("4", new RunStyle { Val = WordConventions.ParagraphNumberStyle }), new Run(new TabChar()), R("Text"), new Run(new TabChar()), R("after a tab.")),
            P(new Run(new RunProperties(new RunStyle { Val = WordConventions.ParagraphNumberStyle }), new Text("5"), new TabChar()), R("Next.")));

        Assert.Equal("Text after a tab.\n\nNext.", markdown);
    }

    [Fact]
    public void Read_BreaksTabsAndHyphens_BecomeTheirMarkdown()
    {
        var markdown = MarkdownOf(
            P(new Run(new Text("First line"), new Break(), new Text("- second line"), new TabChar(), new Text("co"), new NoBreakHyphen(),
                new Text("operation in"), new SoftHyphen(), new Text("formation"), new Break { Type = BreakValues.Page }, new Text(" end"), new Break())),
            Item(BulletList, 0, "Item"),
            P(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }, new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList })),
                new Run(new Text("Broken"), new Break(), new Text("item"))));

        Assert.Equal("First line\\\n\\- second line co-operation information end\n\n- Item\n- Broken\\\n  item", markdown);
    }

    [Fact]
    public void Read_Fields_KeepTheirResultNeverTheirInstruction()
    {
        var markdown = MarkdownOf(P(
            R("Page "),
            new SimpleField(R("7")) { Instruction = " PAGE " },
            R(", see "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" HYPERLINK \"https://example.org\" ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            R("the site"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            R(".")));

        Assert.Equal("Page 7, see the site.", markdown);
    }

    [Fact]
    public void Read_TextThatLooksLikeMarkdown_IsEscaped()
    {
        var markdown = MarkdownOf(P("*not bold* and a_b [x] <tag> 2^3 ~x~ a|b + = ` \\"), P("1. typed by hand"), P("#hashtag"),
            P("- a dash"), P("2) also"), P("1.5 million is no list"), P("Wow![link] &amp; &copy; & more!"));

        Assert.Equal(
            "\\*not bold\\* and a\\_b \\[x\\] \\<tag\\> 2\\^3 \\~x\\~ a\\|b \\+ \\= \\` \\\\\n\n1\\. typed by hand\n\n\\#hashtag\n\n\\- a dash\n\n2\\) also\n\n"
            + "1.5 million is no list\n\nWow\\!\\[link\\] \\&amp; \\&copy; & more!",
            markdown);
    }

    [Fact]
    public void Read_BangBeforeALink_IsEscapedSoItIsNoImage()
    {
        var docx = Create(d => d.Add(P(R("Look!"), d.Link("https://example.org", R("here")))));

        Assert.Equal("Look\\![here](https://example.org)", DocxReader.Read(docx).Markdown);
    }

    [Fact]
    public void Read_HiddenTextAndPlaceholders_AreNotText()
    {
        var markdown = MarkdownOf(P(R("Shown"), R(" hidden", new Vanish()), R("."),
            new SdtRun(new SdtProperties(new ShowingPlaceholder()), new SdtContentRun(R(" Click here to enter text.")))));

        Assert.Equal("Shown.", markdown);
    }
}
