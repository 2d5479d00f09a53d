using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

[Collection(EndToEndCollection.Name)]
public sealed class MemberObjectsTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task SilenceProcedure_MemberObjectsWithReason_RoundClosesNotAdopted()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "rapid-response-statement", new { title = "Internet shutdown in the region" });
        await workflow.SubmitDraftAsync(People.Chair, "The coalition condemns the shutdown.\n\nAccess must be restored at once.");
        var roundId = await workflow.ResourceIdAsync("silence");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.FrenchDiplomat);
        await page.VisitAsync($"/approvals/{roundId}", "approval-silence-open");
        await Expect(page.Locator(".status")).ToHaveTextAsync("Open");

        await page.GetByLabel("Object", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Expect(page.Locator("#reason-error")).ToContainTextAsync("An objection needs a reason");
        await Expect(page.Locator("#reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync("approval-objection-without-reason");

        await page.GetByLabel("Object", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason (required for an objection or a dissociation)").FillAsync("Too weak on the duty to restore access.");
        await page.GetByLabel("Proposed text (optional, with an objection)").FillAsync("Access must be restored at once and in full.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();

        await Expect(page.Locator(".status")).ToHaveTextAsync("Closed: not adopted (silence broken)");
        await page.ScreenshotAsync("approval-silence-broken");
        var round = await workflow.GetAsync(People.Chair, $"/api/approvals/{roundId}");
        Assert.Equal("notAdopted", round.GetProperty("result").GetString());
    }
}
