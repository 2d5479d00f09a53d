using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Designer;

public sealed class InstanceGraphPageTests : IDisposable
{
    private readonly TestApp _app = new(standardWorkflows: true);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task InstancePage_ShowsTheFlowchartWithTheStepItWaitsOn()
    {
        var instance = await _app.StartAsync("joint-statement", new System.Text.Json.Nodes.JsonObject
        {
            ["taskForceId"] = "ai-and-human-rights", ["title"] = "AI and Human Rights",
        });
        var browser = await _app.SignedInAsync(People.Chair);

        var page = await browser.GetStringAsync($"/instances/{instance.Id}");

        Assert.Contains("class=\"node state-done\"", page);     // start
        Assert.Contains("class=\"node state-waiting\"", page);  // the first draft
        Assert.Contains("Waiting on First draft.", page);
    }
}
