using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

[Collection(EndToEndCollection.Name)]
public sealed class ChairLaunchesJointStatementTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Launch_JointStatementFormFilled_InstanceWaitsOnFirstDraft()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.Chair);
        await page.VisitAsync("/", "home-chair");
        await page.VisitAsync("/launch/joint-statement", "launch-joint-statement");

        await page.Locator("#input-taskForceId").SelectOptionAsync(new SelectOptionValue { Value = "ai-and-human-rights" });
        await page.Locator("#input-title").FillAsync("Joint statement on AI in public services");
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/instances/*");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator(".waiting-on .step-name")).ToHaveTextAsync(["First draft"]);
        await page.ScreenshotAsync("instance-joint-statement");
    }
}
