using System.Net.Http.Json;
using System.Text.Json;
using FocWorkflows.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FocWorkflows.EndToEnd.Scenarios;

[Collection(EndToEndCollection.Name)]
public sealed class SecretariatBuildsDefinitionTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Editor_FourStepsConnectedAndPublished_ListsVersionOne()
    {
        var id = $"e2e-review-{Guid.NewGuid():N}"[..20];
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(People.Secretariat);
        await page.VisitAsync($"/definitions/{id}", "editor-new");

        // Each node added is selected: adding from the end backwards lets each one connect to the one before.
        // The human task is dragged from the palette onto the canvas; the others are added with a click.
        await AddAsync(page, "End");
        await AddAsync(page, "Log");
        await SetAsync(page, "message", "The review was completed.");
        await ConnectAsync(page, "Done", "end");
        await DragToCanvasAsync(page, "Human task", x: 300, y: 340);
        await SetAsync(page, "title", "Review the charter");
        await SetAsync(page, "assignees", People.Secretariat);
        await ConnectAsync(page, "Complete", "log");
        await AddAsync(page, "Start");
        await ConnectAsync(page, "Done", "human-task");
        await page.ScreenshotAsync("editor-four-steps");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await Expect(page.Locator(".editor-toolbar .status")).ToContainTextAsync("Published as version 1.");
        await page.ScreenshotAsync("editor-published");
        var versions = await fixture.Server.ApiAs(People.Secretariat).GetFromJsonAsync<JsonElement>($"/api/definitions/{id}/versions");
        Assert.Equal([1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var published = await fixture.Server.ApiAs(People.Secretariat).GetFromJsonAsync<JsonElement>($"/api/definitions/{id}/versions/1");
        var nodes = published.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("position"));
        // The node's corner lands where the pointer let go, give or take a few pixels of borders.
        Assert.InRange(nodes["human-task"].GetProperty("x").GetDouble(), 290, 310);
        Assert.InRange(nodes["human-task"].GetProperty("y").GetDouble(), 330, 350);
        // Clicked nodes fill the free grid spots: none sits on another.
        var corners = nodes.Values.Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToList();
        Assert.Equal(corners.Count, corners.Distinct().Count());
        page.AssertNoCspViolations();
    }

    private static async Task DragToCanvasAsync(IPage page, string activity, float x, float y)
    {
        var item = page.GetByRole(AriaRole.Button, new() { Name = $"Add {activity}", Exact = true });
        // The drag carries the activity type as data: Firefox starts no drag without some.
        Assert.Equal(await item.GetAttributeAsync("data-type"), await item.EvaluateAsync<string>(
            "item => { const data = new DataTransfer(); item.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data })); return data.getData('text/plain'); }"));
        await item.DragToAsync(page.Locator(".definition-canvas .diagram-canvas"), new() { TargetPosition = new() { X = x, Y = y } });
        await Expect(page.Locator("#properties-heading")).ToHaveTextAsync(activity.ToLowerInvariant().Replace(' ', '-'));
    }

    private static async Task AddAsync(IPage page, string activity)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Add {activity}", Exact = true }).ClickAsync();
        await Expect(page.Locator("#properties-heading")).ToBeVisibleAsync();
    }

    private static async Task SetAsync(IPage page, string setting, string value)
    {
        var field = page.Locator($".properties [data-setting='{setting}' i]").Locator("input, textarea").First;
        await field.FillAsync(value);
        await field.BlurAsync();
        await Expect(page.Locator($".properties [data-setting='{setting}' i] .setting-finding")).ToHaveCountAsync(0);
    }

    private static async Task ConnectAsync(IPage page, string outcome, string target)
    {
        await page.GetByLabel($"Connect {outcome} to", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = target });
        await Expect(page.Locator($".outcome-connections .outcome[data-outcome='{outcome}'] li")).ToHaveCountAsync(1);
    }
}
