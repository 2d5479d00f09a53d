using DocumentFormat.OpenXml.Wordprocessing;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>
/// The styles of our documents, named as Word names its built-in ones ("heading 1", "Title"), so a
/// document opened and edited in Word keeps its structure and our reader recognises it again.
/// </summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Quote = "Quote";
    public const string Code = "CodeBlock";
    public const string ListParagraph = "ListParagraph";
    public const string Hyperlink = "Hyperlink";
    public const string TableGrid = "TableGrid";
    public static string Heading(int level) => $"Heading{Math.Clamp(level, 1, 6)}";

    public static Styles Create(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph("Normal", "Normal", basedOn: null, primary: true),
        Paragraph(Title, "Title", "Normal", primary: true, new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
            new StyleRunProperties(new FontSize { Val = "40" })),
        Paragraph(Subtitle, "Subtitle", "Normal", primary: true, null, new StyleRunProperties(new Color { Val = "595959" })),
        Heading(1, "32"), Heading(2, "28"), Heading(3, "26"), Heading(4, "24"), Heading(5, "22"), Heading(6, "22"),
        Paragraph(ListParagraph, "List Paragraph", "Normal", primary: true, new StyleParagraphProperties(new ContextualSpacing())),
        Paragraph(Quote, "Quote", "Normal", primary: true,
            new StyleParagraphProperties(new Indentation { Left = "1134", Right = "567" }), new StyleRunProperties(new Italic())),
        Paragraph(Code, "Code Block", "Normal", primary: false, new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new StyleRunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }, new FontSize { Val = "20" })),
        Character(WordConventions.ParagraphNumberStyle, "Paragraph Number", new StyleRunProperties(new Bold(), new Color { Val = "767676" })),
        Character(Hyperlink, "Hyperlink", new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single })),
        new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }, new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "auto" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "auto" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" }),
                new TableCellMarginDefault(new TopMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })),
            // The header row is bold by the table's style, not by its text: read back, its cells are the words alone.
            new TableStyleProperties(new RunPropertiesBaseStyle(new Bold())) { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = TableGrid },
        new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true },
        new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

    private static Style Heading(int level, string size) => Paragraph(Heading(level), $"heading {level}", "Normal", primary: true,
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new FontSize { Val = size }));

    private static Style Paragraph(string id, string name, string? basedOn, bool primary, StyleParagraphProperties? paragraph = null,
        StyleRunProperties? run = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = "Normal" });
        if (primary) style.Append(new PrimaryStyle());
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }

    private static Style Character(string id, string name, StyleRunProperties run) =>
        new(new StyleName { Val = name }, new BasedOn { Val = "DefaultParagraphFont" }, new UIPriority { Val = 99 }, run)
        { Type = StyleValues.Character, StyleId = id };
}
