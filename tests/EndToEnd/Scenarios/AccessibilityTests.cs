using FocWorkflows.EndToEnd.Infrastructure;

namespace FocWorkflows.EndToEnd.Scenarios;

[Collection(EndToEndCollection.Name)]
public sealed class AccessibilityTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Axe_EachPageOfTheStudio_NoSeriousOrCriticalViolation()
    {
        var instanceId = await AdvisorConsultation.LaunchAsync(fixture.Server, "joint-statement",
            new { taskForceId = "ai-and-human-rights", title = "Joint statement on accessibility" });
        var advisorLink = await (await new AdvisorConsultation(fixture.Server).OpenAsync()).LinkForAsync(People.Advisor);
        var page = await fixture.NewPageAsync();

        await page.VisitAsync("/signin", "a11y-signin");
        await page.AssertNoSeriousAxeViolationsAsync();
        await page.SignInAsync(People.Chair);
        foreach (var (path, name) in new[]
                 {
                     ("/", "a11y-home"), ("/launch/joint-statement", "a11y-launch"), ($"/instances/{instanceId}", "a11y-instance"),
                     ("/inbox", "a11y-inbox"), ("/outbox", "a11y-outbox"),
                 })
        {
            await page.VisitAsync(path, name);
            await page.AssertNoSeriousAxeViolationsAsync();
        }

        var advisor = await fixture.NewPageAsync();
        await advisor.VisitAsync(advisorLink, "a11y-advisor");
        await advisor.AssertNoSeriousAxeViolationsAsync();
    }
}
