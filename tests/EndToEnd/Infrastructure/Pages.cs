using System.Text.Json;
using Microsoft.Playwright;

namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>What every scenario does with a page: sign in, visit with a screenshot, check accessibility.</summary>
public static class Pages
{
    /// <summary>Development sign-in: the button of one person of the directory (a form post).</summary>
    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.VisitAsync("/signin", "signin");
        await page.Locator($"form:has(input[name=email][value='{email}']) button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public static async Task VisitAsync(this IPage page, string path, string screenshot)
    {
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}.");
        await page.ScreenshotAsync(screenshot);
    }

    /// <summary>A full-page screenshot into artifacts/screenshots/NAME.png.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation, naming them and their nodes.</summary>
    public static async Task AssertNoSeriousAxeViolationsAsync(this IPage page)
    {
        Assert.True(File.Exists(Artifacts.AxeScript),
            $"{Artifacts.AxeScript} is missing: run 'npm install --prefix tests/EndToEnd/axe axe-core@4.14.1' (scripts/test.sh does).");
        // Evaluated through the DevTools protocol, not added as a <script>: the page's Content-Security-Policy
        // (script-src 'self') rightly refuses inline scripts, and the checks must run under the real policy.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Artifacts.AxeScript));
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run()).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        var serious = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString())))
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n{string.Join("\n", serious)}");
    }
}

/// <summary>E-mails of the sample directory's people.</summary>
public static class People
{
    public const string Secretariat = "secretariat@foc.example";
    public const string Chair = "chair@foc.example";
    public const string CoChair = "cochair@foc.example";
    public const string Advisor = "advisor.access@foc.example";
    public const string FrenchDiplomat = "diplomat.fr@foc.example";
}
