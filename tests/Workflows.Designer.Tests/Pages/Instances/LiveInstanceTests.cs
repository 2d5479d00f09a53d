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

    private FakeInstancesPort Circuit(string role = "chair")
    {
        var port = this.UseInstances(role);
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

    private static InstanceView Faulted(long stamp) => WaitingOn("draft", "First draft", stamp) with
    {
        Status = "faulted", WaitingOn = [], Incident = new IncidentView("draft", "Graph answered 500", StoppedClock.Epoch),
    };

    [Fact]
    public async Task Changed_ToFaulted_OffersTheChairRetryWithoutReload_AndRetriesAsThem()
    {
        var port = Circuit();
        port.Instance = WaitingOn("draft", "First draft", stamp: 1);
        var live = RenderLive();
        Assert.Single(live.FindAll("form.cancel"));
        Assert.Empty(live.FindAll("form.retry"));

        port.Instance = Faulted(stamp: 2);
        await live.InvokeAsync(() => port.Changes.ChangedAsync("i-1", 2));

        live.Find("form.retry").Submit();

        Assert.Equal(["retry i-1 by chair@foc.example"], port.Commands);
    }

    [Fact]
    public async Task Changed_ToFinished_TakesCancelAndRetryAway()
    {
        var port = Circuit();
        port.Instance = Faulted(stamp: 1);
        var live = RenderLive();
        Assert.Single(live.FindAll("section.operate"));

        port.Instance = WaitingOn("draft", "First draft", stamp: 2) with { Status = "finished", WaitingOn = [], EndedAt = StoppedClock.Epoch };
        await live.InvokeAsync(() => port.Changes.ChangedAsync("i-1", 2));

        Assert.Empty(live.FindAll("section.operate"));
        Assert.Empty(live.FindAll("form"));
    }

    [Fact]
    public void Cancel_WithoutAReason_IsNotSentAndSaysWhyNextToTheField()
    {
        var port = Circuit();
        port.Instance = WaitingOn("draft", "First draft", stamp: 1);
        var live = RenderLive();
        Assert.Equal("live-cancel-reason", live.Find("form.cancel label").GetAttribute("for"));

        live.Find("#live-cancel-reason").Input("   ");
        live.Find("form.cancel").Submit();

        Assert.Empty(port.Commands);
        var reason = live.Find("#live-cancel-reason");
        Assert.Equal("true", reason.GetAttribute("aria-invalid"));
        Assert.Equal("live-cancel-reason-error", reason.GetAttribute("aria-describedby"));
        Assert.Equal("Give a reason: it is kept in the journal.", live.Find("#live-cancel-reason-error").TextContent);
    }

    [Fact]
    public void Cancel_WithAReason_IsSentAsTheSignedInPerson_AndTheIslandShowsTheInstanceCancelledWithoutTheControls()
    {
        var port = Circuit("secretariat");
        port.Instance = WaitingOn("draft", "First draft", stamp: 1);
        var live = RenderLive();

        live.Find("#live-cancel-reason").Input(" Superseded by the December text ");
        port.Instance = WaitingOn("draft", "First draft", stamp: 2) with { Status = "cancelled", WaitingOn = [], EndedAt = StoppedClock.Epoch };
        live.Find("form.cancel").Submit();

        Assert.Equal(["cancel i-1 by chair@foc.example: Superseded by the December text"], port.Commands);
        Assert.Equal("cancelled", live.Find(".state").TextContent);
        Assert.Equal("Updated 11:00: cancelled.", live.Find(".live-status").TextContent);
        Assert.Empty(live.FindAll("section.operate"));
    }

    [Fact]
    public void Cancel_RefusedByTheServer_SaysWhyInAnAlert()
    {
        var port = Circuit();
        port.Instance = WaitingOn("draft", "First draft", stamp: 1);
        port.CommandAnswer = new CommandResult(null, "Instance i-1 has already ended.", new Dictionary<string, string[]>());
        var live = RenderLive();

        live.Find("#live-cancel-reason").Input("Superseded");
        live.Find("form.cancel").Submit();

        var problem = live.Find(".operate-problem");
        Assert.Equal("alert", problem.GetAttribute("role"));
        Assert.Equal("Instance i-1 has already ended.", problem.TextContent);
        Assert.Equal("Superseded", live.Find("#live-cancel-reason").GetAttribute("value")); // kept, to try again
    }

    [Theory]
    [InlineData("chair", true)]
    [InlineData("co-chair", true)]
    [InlineData("secretariat", true)]
    [InlineData("member", false)]
    [InlineData("advisor", false)]
    public void Operate_OnlyForThoseAllowed(string role, bool allowed)
    {
        var port = Circuit(role);
        port.Instance = Faulted(stamp: 1);

        var live = RenderLive();

        Assert.Equal(allowed, live.FindAll("form.cancel").Count == 1);
        Assert.Equal(allowed, live.FindAll("form.retry").Count == 1);
        Assert.Equal(allowed, live.FindAll("h2").Any(h => h.TextContent == "Operate"));
    }

    [Fact]
    public void Prerendered_LeavesCancelAndRetryToThePagesPlainForms()
    {
        var port = this.UseInstances("chair");
        SetRendererInfo(new RendererInfo("Static", false));
        port.Instance = Faulted(stamp: 1);

        var live = RenderLive();

        Assert.Empty(live.FindAll("form"));
        Assert.DoesNotContain("is-live", live.Find(".live-instance").ClassList);
    }
}
