using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Drafts;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using FocWorkflows.Server.Deliberation.Publications;
using FocWorkflows.Server.Deliberation.Word;
using FocWorkflows.Server.Deliberation.Word.Writing;

namespace FocWorkflows.Server.Tests.Word.Writing;

public sealed class DocxWriterTests
{
    private const string Text = """
        # Joint statement on digital inclusion

        The Freedom Online Coalition **strongly** condemns *internet shutdowns*, see [the report](https://freedomonlinecoalition.com/report).

        1. States should refrain from shutdowns.
        2. States should restore access^1^.
           - including mobile data

        | Member | Position |
        | --- | --- |
        | France | supports |

        ^1^ As in the 2023 statement.
        """;

    private static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    private static DraftVersion Version(int number, string markdown, string title = "Joint statement on digital inclusion") => new()
    {
        Id = $"v{number}", InstanceId = "i", NodeId = "draft", Number = number, Title = title, Markdown = markdown,
        SubmittedBy = "pen@foc.example", SubmittedAt = new DateTimeOffset(2026, 12, 3, 13, 5, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Draft_WithEveryKindOfBlock_IsValidWordWithNumberedParagraphs()
    {
        var docx = DraftDocx.Write(Version(2, Text), "Switzerland", Zurich);

        Assert.Empty(WordOutput.ValidationErrors(docx));
        using var document = WordOutput.Open(docx);
        var body = document.MainDocumentPart!.Document!.Body!;
        var numbers = body.Descendants<Run>().Where(r => r.RunProperties?.RunStyle?.Val == WordConventions.ParagraphNumberStyle)
            .Select(r => r.InnerText).ToList();
        Assert.Equal(Paragraphs.Of(Text).Select(p => p.Number.ToString(CultureInfo.InvariantCulture)), numbers);
        Assert.Equal("Title", body.Elements<Paragraph>().First().ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "strongly" && r.RunProperties?.Bold is not null);
        Assert.Contains(body.Descendants<Run>(), r => r.InnerText == "internet shutdowns" && r.RunProperties?.Italic is not null);
        Assert.Single(body.Descendants<Table>());
        Assert.Equal("https://freedomonlinecoalition.com/report",
            document.MainDocumentPart.HyperlinkRelationships.Single().Uri.OriginalString);
        var header = document.MainDocumentPart.HeaderParts.Single().Header!.InnerText;
        Assert.Equal("Version 2, Switzerland, 3 December 2026 14:05 (Europe/Zurich)", header);
    }

    [Fact]
    public void Draft_OrderedListStartingAtThree_KeepsItsNumbers()
    {
        var docx = DraftDocx.Write(Version(1, "Intro.\n\n3. Third\n4. Fourth"), "Switzerland", Zurich);

        using var document = WordOutput.Open(docx);
        var numbering = document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var start = numbering.Elements<AbstractNum>().Single().Elements<Level>().First().StartNumberingValue!.Val!.Value;
        Assert.Equal(3, start);
        var items = document.MainDocumentPart.Document!.Body!.Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(2, items.Count);
        Assert.Single(items.Select(p => p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value).Distinct());
    }

    [Fact]
    public void Matrix_IsOneValidTableWithAHeaderRowAndEveryComment()
    {
        MatrixRow[] rows =
        [
            new(1, "c1", "Ana Díaz", "ana@ngo.example", "Access Now", 2, 4, "mass surveillance", "Say \"unlawful\".\nSee ICCPR art. 17.",
                DispositionDecision.Accepted, "Changed.", "pen@foc.example"),
            new(2, "c2", "Bo Li", "bo@uni.example", null, 2, 5, null, "=HYPERLINK(\"x\")", null, null, null),
        ];

        var docx = MatrixDocx.Write("AI and human rights", rows, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);

        Assert.Empty(WordOutput.ValidationErrors(docx));
        using var document = WordOutput.Open(docx);
        var table = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().Single();
        var tableRows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, tableRows.Count);
        Assert.NotNull(tableRows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["#", "Paragraph", "Author", "Comment", "Decision", "Reason"], tableRows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["1", "4 (v2)“mass surveillance”", "Ana DíazAccess Now", "Say \"unlawful\".See ICCPR art. 17.", "Accepted", "Changed."],
            tableRows[1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal("=HYPERLINK(\"x\")", tableRows[2].Elements<TableCell>().ElementAt(3).InnerText);
    }

    [Fact]
    public void Publication_HasSignatoriesAndTranslationsInTheirLanguage()
    {
        var publication = new Publication
        {
            Id = "p", InstanceId = "i", NodeId = "publish", DraftNumber = 3, Title = "Joint statement", Markdown = "We condemn shutdowns.",
            Signatories = ["FR", "CH"], Dissociated = ["XX"], ReleaseAt = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero),
            Status = PublicationStatus.Released, ReleasedAt = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), CreatedAt = DateTimeOffset.UnixEpoch,
        };
        Translation[] translations =
        [
            new() { Id = "t1", PublicationId = "p", Language = "fr", SourceVersion = 3, Markdown = "Nous condamnons les coupures.", Status = TranslationStatus.Provided },
            new() { Id = "t2", PublicationId = "p", Language = "ar", SourceVersion = 2, Markdown = "ندين قطع الإنترنت.", Status = TranslationStatus.Provided },
            new() { Id = "t3", PublicationId = "p", Language = "es", SourceVersion = 3, Status = TranslationStatus.Pending },
        ];

        var docx = PublicationDocx.Write(publication, ["France", "Switzerland"], ["Xland"], translations, TimeZoneInfo.Utc);

        Assert.Empty(WordOutput.ValidationErrors(docx));
        using var document = WordOutput.Open(docx);
        var text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("Released on 10 December 2026", text);
        Assert.Contains("France\nSwitzerland", text);
        Assert.Contains("Xland", text);
        Assert.Contains("Translated from version 2; the adopted text is version 3.", text);
        var french = document.MainDocumentPart.Document.Body.Descendants<Run>().Single(r => r.InnerText == "Nous condamnons les coupures.");
        Assert.Equal("fr", french.RunProperties!.Languages!.Val!.Value);
        var arabic = document.MainDocumentPart.Document.Body.Descendants<Paragraph>().Single(p => p.InnerText.EndsWith("ندين قطع الإنترنت.", StringComparison.Ordinal));
        Assert.NotNull(arabic.ParagraphProperties!.BiDi);
        Assert.DoesNotContain("es)", text); // a translation still pending is not printed
    }
}
