using System.Text.RegularExpressions;
using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

[Collection(EndToEndCollection.Name)]
public sealed class ChairFollowsTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task JointStatement_PenHolderSubmitsFirstDraft_ChairSeesTaskForceReviewWithDueTime()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "joint-statement",
            new { taskForceId = "ai-and-human-rights", title = "Joint statement on AI in elections" });

        var penHolder = await fixture.NewPageAsync();
        await penHolder.SignInAsync(People.CoChair);
        await penHolder.VisitAsync($"/instances/{workflow.InstanceId}/drafts/latest", "draft-first-empty");
        await penHolder.GetByLabel("Text, in Markdown (required)").FillAsync("# AI in elections\n\nStates should protect voters.\n\nPlatforms should label synthetic media.");
        await penHolder.GetByLabel("Note on this version (optional)").FillAsync("first draft");
        await penHolder.GetByRole(AriaRole.Button, new() { Name = "Submit version 1" }).ClickAsync();
        // The version carries the statement's title (the workflow's input), not the pen-holder's task title.
        await Expect(penHolder.Locator("h1").First).ToHaveTextAsync("Joint statement on AI in elections, version 1");
        await Expect(penHolder.Locator("section.paragraph")).ToHaveCountAsync(3);
        await penHolder.ScreenshotAsync("draft-first-submitted");

        var chair = await fixture.NewPageAsync();
        await chair.SignInAsync(People.Chair);
        await chair.VisitAsync($"/instances/{workflow.InstanceId}", "instance-task-force-review-open");
        await Expect(chair.Locator(".waiting-on .step-name")).ToHaveTextAsync(["Task-force review"]);
        await Expect(chair.Locator(".waiting-on .due-human")).ToHaveTextAsync(new Regex(@"^closes in \d+ (day|week)s?$"));
    }

    [Fact]
    public async Task JointStatement_PenHolderSubmitsThroughTheApi_ChairsOpenPageShowsTheReviewWithoutReload()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "joint-statement",
            new { taskForceId = "ai-and-human-rights", title = "Joint statement on live following" });
        var chair = await fixture.NewPageAsync();
        await chair.SignInAsync(People.Chair);
        await chair.VisitAsync($"/instances/{workflow.InstanceId}", "instance-live-before");
        await Expect(chair.Locator(".live-status")).ToContainTextAsync("Follows changes live");
        await Expect(chair.Locator(".waiting-on .step-name")).ToHaveTextAsync(["First draft"]);
        await Expect(chair.Locator(".timeline li", new() { HasText = "by cochair@foc.example" })).ToHaveCountAsync(0);
        // A mark on this document: a reload or a navigation would lose it.
        await chair.EvaluateAsync("() => { window.sameDocument = true; }");

        await workflow.SubmitDraftAsync(People.CoChair, "# Live following\n\nStates should publish what they decide.");

        await Expect(chair.Locator(".waiting-on .step-name")).ToHaveTextAsync(["Task-force review"]);
        await Expect(chair.Locator(".timeline li", new() { HasText = "by cochair@foc.example" }).First).ToBeVisibleAsync();
        await Expect(chair.Locator(".live-status")).ToHaveTextAsync(new Regex(@"^Updated \d\d:\d\d: waiting on Task-force review\.$"));
        await Expect(chair.Locator(".live-status")).ToHaveAttributeAsync("aria-live", "polite");
        Assert.True(await chair.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await chair.ScreenshotAsync("instance-live-after");
        await chair.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task JointStatement_ChairCancelsOnTheOpenPage_SeesItCancelledAndTheOperateSectionGoneWithoutReload()
    {
        var workflow = await Workflow.LaunchAsync(fixture.Server, "joint-statement",
            new { taskForceId = "ai-and-human-rights", title = "Joint statement cancelled live" });
        var chair = await fixture.NewPageAsync();
        await chair.SignInAsync(People.Chair);
        await chair.VisitAsync($"/instances/{workflow.InstanceId}", "instance-operate-live-before");
        await Expect(chair.Locator(".live-status")).ToContainTextAsync("Follows changes live");
        // Once live, the island's controls are the only ones shown: the forms as loaded are hidden.
        await Expect(chair.Locator(".operate-on-load")).ToBeHiddenAsync();
        await Expect(chair.GetByRole(AriaRole.Heading, new() { Name = "Operate" })).ToHaveCountAsync(1);
        await chair.EvaluateAsync("() => { window.sameDocument = true; }");

        var reason = chair.GetByRole(AriaRole.Textbox, new() { Name = "Reason for cancelling (required)" });
        await reason.FocusAsync();
        await chair.Keyboard.TypeAsync("Superseded by the December text");
        await chair.Keyboard.PressAsync("Enter");

        await Expect(chair.Locator(".live-instance .state")).ToHaveTextAsync("cancelled");
        await Expect(chair.Locator(".live-status")).ToHaveTextAsync(new Regex(@"^Updated \d\d:\d\d: cancelled\.$"));
        await Expect(chair.GetByRole(AriaRole.Heading, new() { Name = "Operate" })).ToHaveCountAsync(0);
        await Expect(chair.GetByRole(AriaRole.Button, new() { Name = "Cancel the workflow" })).ToHaveCountAsync(0);
        await Expect(chair.Locator(".timeline li", new() { HasText = "by chair@foc.example" }).Last).ToContainTextAsync("cancelled");
        Assert.True(await chair.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        var journal = await workflow.GetAsync(People.Secretariat, $"/api/instances/{workflow.InstanceId}/journal");
        var cancelled = journal.EnumerateArray().Last();
        Assert.Equal(("cancelled", People.Chair), (cancelled.GetProperty("event").GetString(), cancelled.GetProperty("actor").GetString()));
        Assert.Equal("Superseded by the December text", cancelled.GetProperty("details").GetProperty("reason").GetString());
        await chair.ScreenshotAsync("instance-operate-live-cancelled");
        await chair.AssertNoSeriousAxeViolationsAsync();
    }
}
