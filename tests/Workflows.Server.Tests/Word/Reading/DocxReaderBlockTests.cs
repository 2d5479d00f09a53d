using DocumentFormat.OpenXml.Wordprocessing;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Word.Reading;
using static FocWorkflows.Server.Tests.Word.WordDocuments;

namespace FocWorkflows.Server.Tests.Word.Reading;

/// <summary>Headings, the title, lists and tables: the blocks a draft is numbered by.</summary>
public sealed class DocxReaderBlockTests
{
    [Fact]
    public void Read_HeadingStyles_BecomeHeadingsByStyleNameNotId()
    {
        var docx = Create(
            Styled("Heading1", R("Preamble")),
            Styled("berschrift3", R("Operative part")), // a German Word's "heading 3"
            Styled("AgendaItem", R("Item 4")),          // a custom style based on it
            P(new ParagraphProperties(new OutlineLevel { Val = 1 }), R("Outline level two")),
            Styled("Subtitle", R("A subtitle is text")));

        var import = DocxReader.Read(docx);

        Assert.Equal("# Preamble\n\n### Operative part\n\n### Item 4\n\n## Outline level two\n\nA subtitle is text", import.Markdown);
    }

    [Fact]
    public void Read_TitleParagraph_BecomesTheTitleAndLaterTitlesHeadings()
    {
        var docx = Create(Styled("Title", R("Joint statement "), R("on shutdowns", new Bold())), P("Text."), Styled("Title", R("Annex")));

        var import = DocxReader.Read(docx);

        Assert.Equal("Joint statement on shutdowns", import.Title);
        Assert.Equal("Text.\n\n# Annex", import.Markdown);
    }

    [Fact]
    public void Read_NoTitleParagraph_TakesTheCorePropertyTitle()
    {
        using var stream = new MemoryStream();
        stream.Write(Create(P("Text.")));
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
            document.PackageProperties.Title = "Statement on surveillance";

        var import = DocxReader.Read(stream.ToArray());

        Assert.Equal("Statement on surveillance", import.Title);
    }

    [Fact]
    public void Read_BulletsAndNumbers_BecomeMarkdownListsNestedByMarkerWidth()
    {
        var docx = Create(
            P("Intro."),
            Item(BulletList, 0, "First"),
            Item(BulletList, 1, "Nested"),
            Item(BulletList, 0, "Second"),
            P("Between."),
            Item(DecimalList, 0, "One"),
            Item(DecimalList, 1, "One a"),
            Item(DecimalList, 1, "One b"),
            Item(DecimalList, 0, "Two"),
            P("After."),
            Item(ListFromThree, 0, "Three"),
            Item(ListFromThree, 0, "Four"));

        var import = DocxReader.Read(docx);

        Assert.Equal(
            "Intro.\n\n- First\n  - Nested\n- Second\n\nBetween.\n\n1. One\n   1. One a\n   2. One b\n2. Two\n\nAfter.\n\n3. Three\n4. Four",
            import.Markdown);
    }

    [Fact]
    public void Read_ListContinuedAfterAParagraph_KeepsWordsNumbers_AndARestartedListStartsAgain()
    {
        var docx = Create(
            Item(DecimalList, 0, "One"),
            Item(DecimalList, 0, "Two"),
            P("A paragraph in between."),
            Item(DecimalList, 0, "Three"),
            Item(SecondDecimalList, 0, "Again one"));

        var import = DocxReader.Read(docx);

        Assert.Equal("1. One\n2. Two\n\nA paragraph in between.\n\n3. Three\n1. Again one", import.Markdown);
    }

    [Fact]
    public void Read_NumberedItemNotAtOneRightAfterBullets_GetsABlankLineSoMarkdownStillSeesAList()
    {
        var docx = Create(Item(BulletList, 0, "Bullet"), Item(ListFromThree, 0, "Three"));

        var import = DocxReader.Read(docx);

        Assert.Equal("- Bullet\n\n3. Three", import.Markdown);
        Assert.Equal(["- Bullet", "3. Three"], Paragraphs.Of(import.Markdown).Select(p => p.Markdown));
    }

    [Fact]
    public void Read_NumberedHeading_StaysAHeading()
    {
        var heading = Styled("Heading1", R("Scope"));
        heading.ParagraphProperties!.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = DecimalList }));

        var import = DocxReader.Read(Create(heading, Item(DecimalList, 0, "Item")));

        Assert.Equal("# Scope\n\n2. Item", import.Markdown);
    }

    [Fact]
    public void Read_Table_BecomesAPipeTableWithEscapedPipesAndSplitMergedCells()
    {
        var merged = new TableCell(new TableCellProperties(new GridSpan { Val = 2 }), P("Both columns"));
        var docx = Create(Table(
            Row(Cell("Country"), Cell("Position"), Cell("Note")),
            Row(Cell("Ghana"), Cell("Supports | with edits"), Cell("First line", "Second line")),
            Row(merged, Cell("Last")),
            Row(Cell("Short row"))));

        var import = DocxReader.Read(docx);

        Assert.Equal(
            "| Country | Position | Note |\n| --- | --- | --- |\n| Ghana | Supports \\| with edits | First line<br>Second line |\n"
            + "| Both columns |  | Last |\n| Short row |  |  |",
            import.Markdown);
        var loss = Assert.Single(import.Losses);
        Assert.Equal(("merged-cell", 1), (loss.Kind, loss.Count));
    }

    [Fact]
    public void Read_TableInATable_FlattensItsTextIntoTheCell()
    {
        var docx = Create(Table(Row(Cell("Outer"), new TableCell(P("Before"), Table(Row(Cell("Inner a"), Cell("Inner b"))), P("After")))));

        var import = DocxReader.Read(docx);

        Assert.Equal("| Outer | Before<br>Inner a<br>Inner b<br>After |\n| --- | --- |", import.Markdown);
        Assert.Equal(("nested-table", 1), (import.Losses.Single().Kind, import.Losses.Single().Count));
    }

    [Fact]
    public void Read_ContentControlsAndCustomXml_AreReadThrough_EmptyParagraphsSkipped()
    {
        var docx = Create(
            new SdtBlock(new SdtProperties(new SdtAlias { Val = "Operative" }), new SdtContentBlock(P("Inside a control."))),
            P(),
            new CustomXmlBlock(P("Inside custom XML.")) { Element = "clause" },
            P(R("   ")));

        var import = DocxReader.Read(docx);

        Assert.Equal("Inside a control.\n\nInside custom XML.", import.Markdown);
    }

    [Fact]
    public void Read_WholeDocument_NumbersAsTheProductCitesParagraphs()
    {
        var docx = Create(d => d.Add(
            Styled("Title", R("Statement")),
            Styled("Heading1", R("Preamble")),
            P(R("Recalling "), R("resolution 78/213", new Italic()), d.Footnote(R("Adopted in 2023.")), R(",")),
            Item(BulletList, 0, "First"),
            Item(BulletList, 1, "Nested under first"),
            Item(BulletList, 0, "Second"),
            P("1. Not a list, typed by hand."),
            Table(Row(Cell("A"), Cell("B")), Row(Cell("1"), Cell("2"))),
            Item(ListFromThree, 0, "Three"),
            P("#hashtag and *not bold*")));

        var import = DocxReader.Read(docx);
        var paragraphs = Paragraphs.Of(import.Markdown);

        Assert.Equal(["heading", "paragraph", "list-item", "list-item", "paragraph", "block", "list-item", "paragraph", "paragraph"],
            paragraphs.Select(p => p.Kind));
        Assert.Equal("Recalling *resolution 78/213*^1^,", paragraphs[1].Markdown);
        Assert.Equal("- First\n  - Nested under first", paragraphs[2].Markdown);
        Assert.Equal("1\\. Not a list, typed by hand.", paragraphs[4].Markdown);
        Assert.Equal("\\#hashtag and \\*not bold\\*", paragraphs[7].Markdown);
        Assert.Equal("^1^ Adopted in 2023.", paragraphs[8].Markdown);
        Assert.Equal("#hashtag and *not bold*", Paragraphs.PlainText(paragraphs[7]).Trim());
    }
}
