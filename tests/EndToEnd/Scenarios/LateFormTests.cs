using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

/// <summary>A form filled in while the situation changed: the person is told what changed and keeps what they typed.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class LateFormTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task SilenceProcedure_ObjectionSentAfterAnotherGovernmentBrokeSilence_IsGivenBackToCopy()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "rapid-response-statement", new { title = "Shutdown during elections" });
        await workflow.SubmitDraftAsync(People.Chair, "The coalition condemns the shutdown.\n\nAccess must be restored at once.");
        var roundId = await workflow.ResourceIdAsync("silence");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.FrenchDiplomat);
        await page.VisitAsync($"/approvals/{roundId}", "late-approval-open");
        await page.GetByLabel("Object", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason (required for an objection or a dissociation)").FillAsync("Too weak on the duty to restore access.");

        await workflow.PostAsync("diplomat.gh@foc.example", $"/api/approvals/{roundId}/responses", new { kind = "object", reason = "Name the government." });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not adopted (silence broken). Your response was not recorded.");
        var givenBack = page.GetByLabel("Reason", new() { Exact = true });
        await Expect(givenBack).ToHaveValueAsync("Too weak on the duty to restore access.");
        await Expect(givenBack).ToHaveAttributeAsync("readonly", "");
        await page.ScreenshotAsync("late-approval-response");
        await page.AssertNoSeriousAxeViolationsAsync();
        var round = await workflow.GetAsync(People.Chair, $"/api/approvals/{roundId}");
        Assert.DoesNotContain(round.GetProperty("responses").EnumerateArray(), r => r.GetProperty("government").GetString() == "FR");
    }
}
