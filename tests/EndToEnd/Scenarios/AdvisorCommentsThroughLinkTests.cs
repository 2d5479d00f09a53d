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
    }
}
