using DocumentFormat.OpenXml.Wordprocessing;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Word.Writing;

namespace FocWorkflows.Server.Tests.Word.Writing;

public sealed class RedlineDocxTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 12, 3, 13, 5, 0, TimeSpan.Zero);

    private static DraftVersion Version(int number, string markdown) => new()
    {
        Id = $"v{number}", InstanceId = "i", NodeId = "draft", Number = number, Title = "Joint statement", Markdown = markdown,
        SubmittedBy = "pen@foc.example", SubmittedAt = Submitted.AddDays(number),
    };

    [Fact]
    public void Between_OneEditedParagraph_MarksExactlyTheChangedWords()
    {
        var from = Version(1, "# Statement\n\nThe coalition condemns shutdowns of the internet.\n\nStates should act.");
        var to = Version(2, "# Statement\n\nThe coalition strongly condemns all shutdowns of the internet.\n\nStates should act now.");

        var docx = RedlineDocx.Write(from, to, "Switzerland", TimeZoneInfo.Utc);

        Assert.Empty(WordOutput.ValidationErrors(docx));
        using var document = WordOutput.Open(docx);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal(["strongly", "all", "now"], body.Descendants<InsertedRun>().Select(i => i.InnerText.Trim()));
        Assert.Empty(body.Descendants<DeletedRun>());
        Assert.All(body.Descendants<InsertedRun>(), i =>
        {
            Assert.Equal("Switzerland", i.Author!.Value);
            Assert.Equal(Submitted.AddDays(2).UtcDateTime, i.Date!.Value);
        });
    }

    [Fact]
    public void Between_ReplacedWordAndRemovedAndAddedParagraphs_AreTrackedAsWordWouldTrackThem()
    {
        var from = Version(1, "Mass surveillance is a threat.\n\nA paragraph that goes.\n\nThe end.");
        var to = Version(2, "Unlawful surveillance is a threat.\n\nThe end.\n\nA new closing paragraph.");

        var docx = RedlineDocx.Write(from, to, "Switzerland", TimeZoneInfo.Utc);

        Assert.Empty(WordOutput.ValidationErrors(docx));
        using var document = WordOutput.Open(docx);
        var body = document.MainDocumentPart!.Document!.Body!;
        var deleted = body.Descendants<DeletedRun>().Select(d => string.Concat(d.Descendants<DeletedText>().Select(t => t.Text))).ToList();
        Assert.Contains("Mass", deleted);
        Assert.Contains("A paragraph that goes.", deleted);
        var inserted = body.Descendants<InsertedRun>().Select(i => i.InnerText).ToList();
        Assert.Contains("Unlawful", inserted);
        Assert.Contains("A new closing paragraph.", inserted);
        Assert.DoesNotContain(inserted, i => i.Contains("surveillance"));
        // Whole paragraphs removed or added carry their paragraph mark, so accepting all leaves no empty paragraph behind.
        Assert.Contains(body.Descendants<ParagraphMarkRunProperties>(), m => m.GetFirstChild<Deleted>() is not null);
        Assert.Contains(body.Descendants<ParagraphMarkRunProperties>(), m => m.GetFirstChild<Inserted>() is not null);
        Assert.All(body.Descendants<DeletedRun>(), d => Assert.Empty(d.Descendants<Text>()));
    }

    [Fact]
    public void Between_ChangeOfFormatOnly_IsMarkedAsAChange()
    {
        var docx = RedlineDocx.Write(Version(1, "We condemn shutdowns."), Version(2, "We **condemn** shutdowns."), "Switzerland", TimeZoneInfo.Utc);

        Assert.Empty(WordOutput.ValidationErrors(docx));
        using var document = WordOutput.Open(docx);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal("condemn", body.Descendants<DeletedRun>().Single().InnerText);
        var inserted = body.Descendants<InsertedRun>().Single();
        Assert.Equal("condemn", inserted.InnerText);
        Assert.NotNull(inserted.GetFirstChild<Run>()!.RunProperties!.Bold);
    }
}
