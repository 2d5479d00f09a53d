using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

[Collection(EndToEndCollection.Name)]
public sealed class AdvisorCommentsThroughLinkTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task AdvisorLink_CommentOnParagraph_StoredForTheAdvisor()
    {
        var consultation = await new AdvisorConsultation(fixture.Server).OpenAsync();
        var page = await fixture.NewPageAsync();
        await page.VisitAsync(await consultation.LinkForAsync(People.Advisor), "advisor-consultation");

        await page.GetByLabel("Paragraph (required)").SelectOptionAsync(new SelectOptionValue { Value = "2" });
        await page.GetByLabel("Your comment (required)").FillAsync("Publish the assessments in accessible formats.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();

        await Expect(page.Locator(".notice.success")).ToContainTextAsync("your comment on paragraph 2 was received");
        await page.ScreenshotAsync("advisor-comment-sent");
        var comment = Assert.Single((await consultation.CommentsAsync()).EnumerateArray());
        Assert.Equal(People.Advisor, comment.GetProperty("commenter").GetString());
        Assert.Equal(2, comment.GetProperty("paragraph").GetInt32());
        Assert.Equal("Publish the assessments in accessible formats.", comment.GetProperty("text").GetString());
        page.AssertNoCspViolations();
    }

    [Fact]
    public async Task AdvisorLink_SelectAPassageThenCommentOnItsParagraph_FillsParagraphAndQuote()
    {
        var consultation = await new AdvisorConsultation(fixture.Server).OpenAsync();
        var page = await fixture.NewPageAsync();
        await page.VisitAsync(await consultation.LinkForAsync(People.Advisor), "advisor-consultation-enhanced");
        var commentOnTwo = page.GetByRole(AriaRole.Button, new() { Name = "Comment on paragraph 2" });
        await Expect(commentOnTwo).ToBeVisibleAsync(); // made by the script; the page without it has none

        // Paragraph 2 reads "Assessments should be public.": select two of its words as a reader would.
        await page.EvaluateAsync("""
            () => {
                const text = document.querySelector('#p2 .paragraph-text p').firstChild;
                const start = text.data.indexOf('should be public');
                const range = document.createRange();
                range.setStart(text, start);
                range.setEnd(text, start + 'should be public'.length);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
            }
            """);
        await commentOnTwo.ClickAsync();

        await Expect(page.Locator("#paragraph")).ToHaveValueAsync("2");
        await Expect(page.Locator("#quote")).ToHaveValueAsync("should be public");
        await Expect(page.Locator("#text")).ToBeFocusedAsync();
        await Expect(page.Locator("#comment-announcer")).ToHaveTextAsync("Paragraph 2 chosen. Quoted passage: should be public");
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.Keyboard.TypeAsync("Say who publishes them, and where.");
        await page.ScreenshotAsync("advisor-comment-on-passage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();

        await Expect(page.Locator(".notice.success")).ToContainTextAsync("your comment on paragraph 2 was received");
        var comment = Assert.Single((await consultation.CommentsAsync()).EnumerateArray());
        Assert.Equal((2, "should be public", "Say who publishes them, and where."),
            (comment.GetProperty("paragraph").GetInt32(), comment.GetProperty("quote").GetString(), comment.GetProperty("text").GetString()));
        page.AssertNoCspViolations();
    }
}
