using System.Globalization;
using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

/// <summary>In the browser: the chair extends a round's deadline, the secretariat responds for a diplomat; axe on both forms.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SteeringFromPagesTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task ApprovalPage_ChairExtendsAndSecretariatRespondsOnBehalf()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "rapid-response-statement", new { title = "Steered rapid response" });
        await workflow.SubmitDraftAsync(People.Chair, "The coalition welcomes the decision.");
        var roundId = await workflow.ResourceIdAsync("silence");

        var chair = await fixture.NewPageAsync();
        await chair.SignInAsync(People.Chair);
        await chair.VisitAsync($"/approvals/{roundId}", "approval-extend-form");
        var until = chair.GetByLabel("New deadline", new() { Exact = false });
        var current = DateTime.ParseExact(await until.InputValueAsync(), "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        // Earlier than the deadline: refused next to the field, in the chair's own zone.
        await until.FillAsync(current.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await chair.GetByLabel("Reason (required, it is journaled)").FillAsync("Capitals need time.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Extend the deadline" }).ClickAsync();
        await Expect(chair.Locator("#extend-until-error")).ToContainTextAsync("later than the current one");
        await chair.AssertNoSeriousAxeViolationsAsync();

        await chair.GetByLabel("New deadline", new() { Exact = false }).FillAsync(current.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await chair.GetByLabel("Reason (required, it is journaled)").FillAsync("Capitals need time.");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Extend the deadline" }).ClickAsync();
        await Expect(chair.Locator(".notice.success")).ToContainTextAsync("The deadline was extended");
        await Expect(chair.Locator(".notice.success")).ToContainTextAsync(current.AddDays(1).ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en")));
        await chair.ScreenshotAsync("approval-extended");

        var secretariat = await fixture.NewPageAsync();
        await secretariat.SignInAsync(People.Secretariat);
        await secretariat.VisitAsync($"/approvals/{roundId}", "approval-on-behalf");
        await secretariat.AssertNoSeriousAxeViolationsAsync();
        await secretariat.GetByLabel("Respond on behalf of (required)").SelectOptionAsync(new SelectOptionValue { Value = People.FrenchDiplomat });
        await secretariat.GetByLabel("Endorse", new() { Exact = true }).CheckAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Send response" }).ClickAsync();
        await Expect(secretariat.Locator(".response")).ToContainTextAsync("France");

        var round = await workflow.GetAsync(People.Chair, $"/api/approvals/{roundId}");
        var response = round.GetProperty("responses").EnumerateArray().Single();
        Assert.Equal((People.Secretariat, People.FrenchDiplomat), (response.GetProperty("by").GetString(), response.GetProperty("onBehalfOf").GetString()));
    }
}
