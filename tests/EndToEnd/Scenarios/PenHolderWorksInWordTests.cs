using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

[Collection(EndToEndCollection.Name)]
public sealed class PenHolderWorksInWordTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task JointStatement_PenHolderUploadsAWordFile_ChecksWhatIsNotKept_SubmitsIt_AndDownloadsItNumbered()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "joint-statement",
            new { taskForceId = "ai-and-human-rights", title = "Joint statement on AI in elections" });
        var file = WordFile.Statement("AI in elections", ["States should protect voters.", "Platforms should label synthetic media."],
            comment: "Too weak?");

        var penHolder = await fixture.NewPageAsync();
        await penHolder.SignInAsync(People.CoChair);
        await penHolder.VisitAsync($"/instances/{workflow.InstanceId}/drafts/latest", "draft-word-before");
        await penHolder.GetByLabel("Start from a Word document (.docx, up to 10 MB)").SetInputFilesAsync(file);
        await penHolder.GetByRole(AriaRole.Button, new() { Name = "Read the document" }).ClickAsync();

        // The text lands in the box to check; the reviewer's comment is named as not kept; nothing is submitted yet.
        await Expect(penHolder.GetByLabel("Text, in Markdown (required)"))
            .ToHaveValueAsync("# AI in elections\n\nStates should protect voters.\n\nPlatforms should label synthetic media.");
        await Expect(penHolder.Locator(".notice.warning")).ToContainTextAsync("comment");
        Assert.Equal(0, (await workflow.GetAsync(People.Chair, $"/api/instances/{workflow.InstanceId}/drafts")).GetArrayLength());
        await penHolder.ScreenshotAsync("draft-word-read");
        await penHolder.AssertNoSeriousAxeViolationsAsync();

        await penHolder.GetByRole(AriaRole.Button, new() { Name = "Submit version 1" }).ClickAsync();
        await Expect(penHolder.Locator("h1").First).ToHaveTextAsync("Joint statement on AI in elections, version 1");
        await Expect(penHolder.Locator("section.paragraph")).ToHaveCountAsync(3);

        var download = await penHolder.RunAndWaitForDownloadAsync(() =>
            penHolder.GetByRole(AriaRole.Link, new() { Name = "Download version 1 as a Word document" }).ClickAsync());
        Assert.Equal("joint-statement-on-ai-in-elections-v1.docx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"downloaded-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(saved);
        using var document = WordprocessingDocument.Open(saved, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal(["1", "2", "3"], body.Descendants<Run>()
            .Where(r => r.RunProperties?.RunStyle?.Val == FocWorkflows.Server.Deliberation.Word.WordConventions.ParagraphNumberStyle)
            .Select(r => r.InnerText));
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText.EndsWith("Platforms should label synthetic media.", StringComparison.Ordinal));
    }
}
