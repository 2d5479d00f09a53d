using System.Text.Json.Nodes;
using Bunit;
using FocWorkflows.Designer.Pages.Instances;
using FocWorkflows.Designer.Ports;
using Microsoft.AspNetCore.Components;

namespace FocWorkflows.Designer.Tests.Pages.Instances;

public sealed class LiveInstanceTests : BunitContext
{
    private static readonly JournalLine Started = new(1, StoppedClock.Epoch, "instanceStarted", null, null, "chair@foc.example", null, null);

    private static InstanceView WaitingOn(string activityId, string name, long stamp, params JournalLine[] journal) =>
        new("i-1", "joint-statement", "Joint statement", 2, "waiting", null, "chair@foc.example", StoppedClock.Epoch, null, [],
            [new OpenStep(activityId, name, "task", StoppedClock.Epoch, null, [])], [Started, .. journal], null, null, stamp);

    private FakeInstancesPort Circuit()
    {
        var port = this.UseInstances("chair");
        SetRendererInfo(new RendererInfo("Server", true));
        return port;
    }

    private IRenderedComponent<LiveInstance> RenderLive() =>
        Render<LiveInstance>(p => p.Add(x => x.Id, "i-1").Add(x => x.TimeZone, "Europe/Tallinn"));

    [Fact]
    public async Task Changed_WhenTheFeedSaysTheInstanceMovedOn_ShowsTheNewWaitingStepAndJournalLineAndSaysSo()
    {
        var port = Circuit();
        port.Instance = WaitingOn("draft", "First draft", stamp: 3);
        var live = RenderLive();
        Assert.Equal(3, port.Changes.WatchedFrom);
        Assert.Equal("First draft", live.Find(".step-name").TextContent);

        port.Instance = WaitingOn("tf-review", "Task-force review", stamp: 4,
            new JournalLine(2, StoppedClock.Epoch, "completed", "draft", "deliberation.draft", "cochair@foc.example", null, "Done"));
        await live.InvokeAsync(() => port.Changes.ChangedAsync("i-1", 4));

        Assert.Equal("Task-force review", live.Find(".step-name").TextContent);
        Assert.Equal(2, live.FindAll(".timeline li").Count);
        Assert.Contains("by cochair@foc.example", live.FindAll(".timeline li")[1].TextContent);
        var status = live.Find(".live-status");
        Assert.Equal("polite", status.GetAttribute("aria-live"));
        Assert.Equal("Updated 11:00: waiting on Task-force review.", status.TextContent); // 09:00 UTC in Tallinn
    }

    [Fact]
    public async Task Changed_ToAnIncident_ShowsItAsAnAlert()
    {
        var port = Circuit();
        port.Instance = WaitingOn("draft", "First draft", stamp: 1);
        var live = RenderLive();
        Assert.Empty(live.FindAll(".incident"));

        port.Instance = WaitingOn("draft", "First draft", stamp: 2) with
        {
            Status = "faulted", WaitingOn = [], Incident = new IncidentView("draft", "Graph answered 500", StoppedClock.Epoch),
        };
        await live.InvokeAsync(() => port.Changes.ChangedAsync("i-1", 2));

        Assert.Equal("alert", live.Find(".incident").GetAttribute("role"));
        Assert.Contains("Graph answered 500", live.Find(".incident").TextContent);
        Assert.Equal("faulted", live.Find(".state").TextContent);
        Assert.Equal("Updated 11:00: faulted at draft.", live.Find(".live-status").TextContent);
    }

    [Fact]
    public void Prerendered_WithoutACircuit_DoesNotWatchAndSaysTheViewIsASnapshot()
    {
        var port = this.UseInstances("chair");
        SetRendererInfo(new RendererInfo("Static", false));
        port.Instance = WaitingOn("draft", "First draft", stamp: 3);

        var live = RenderLive();

        Assert.Equal(0, port.Changes.Open);
        Assert.Equal("As of 11:00; reload the page to see later changes.", live.Find(".live-status").TextContent);
        Assert.Equal("First draft", live.Find(".step-name").TextContent);
    }

    [Fact]
    public async Task Disposed_WithTheCircuit_StopsWatching()
    {
        var port = Circuit();
        port.Instance = WaitingOn("draft", "First draft", stamp: 3);
        RenderLive();
        Assert.Equal(1, port.Changes.Open);

        await DisposeComponentsAsync();

        Assert.Equal(0, port.Changes.Open);
    }
}
