using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

/// <summary>axe on the pages where governments deliberate, each in the state where its forms are offered.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeliberationPagesAccessibilityTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Axe_ApprovalPage_OpenAndWithAFieldError_NoSeriousOrCriticalViolation()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "rapid-response-statement", new { title = "Accessible rapid response" });
        await workflow.SubmitDraftAsync(People.Chair, "The coalition welcomes the decision.");
        var roundId = await workflow.ResourceIdAsync("silence");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.FrenchDiplomat);

        await page.VisitAsync($"/approvals/{roundId}", "a11y-approval");
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.GetByLabel("Object", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Expect(page.Locator("#reason-error")).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Axe_DraftAndRedlinePages_NoSeriousOrCriticalViolation()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "joint-statement",
            new { taskForceId = "ai-and-human-rights", title = "Accessible joint statement" });
        await workflow.SubmitDraftAsync(People.CoChair, "States should protect rights.\n\nCompanies should respect rights.");
        var review = await workflow.ResourceIdAsync("tf-review");
        await workflow.PostAsync(People.Chair, $"/api/consultations/{review}/close", new { reason = "The task force agreed early." });
        await workflow.ResourceIdAsync("revise");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.CoChair);

        // The latest version with the form for the next one.
        await page.VisitAsync($"/instances/{workflow.InstanceId}/drafts/latest", "a11y-draft");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit version 2" })).ToBeVisibleAsync();
        await page.AssertNoSeriousAxeViolationsAsync();

        await workflow.SubmitDraftAsync(People.CoChair, "States must protect rights, as the UN Guiding Principles say.\n\nCompanies should respect rights.");
        await page.VisitAsync($"/instances/{workflow.InstanceId}/drafts/1/diff/2", "a11y-redline");
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Axe_DispositionsPage_PenHolderAnswering_NoSeriousOrCriticalViolation()
    {
        var consultation = await new AdvisorConsultation(fixture.Server).OpenAsync();
        var api = new Workflow(fixture.Server, "");
        await api.PostAsync(People.Advisor, $"/api/consultations/{consultation.ConsultationId}/comments",
            new { paragraph = 1, text = "Name the assessment standard." });
        await api.PostAsync(People.Chair, $"/api/consultations/{consultation.ConsultationId}/close", new { reason = "Enough comments." });
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.CoChair);

        await page.VisitAsync($"/consultations/{consultation.ConsultationId}/dispositions", "a11y-dispositions");
        await Expect(page.Locator(".comment-row")).ToHaveCountAsync(1);
        await page.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task Axe_DefinitionEditor_JointStatement_NoSeriousOrCriticalViolation()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.Secretariat);

        await page.VisitAsync("/definitions/joint-statement", "a11y-definition-editor");
        await Expect(page.Locator(".editor-toolbar")).ToBeVisibleAsync();
        await page.ScreenshotAsync("a11y-definition-editor");
        await page.AssertNoSeriousAxeViolationsAsync();
    }
}
