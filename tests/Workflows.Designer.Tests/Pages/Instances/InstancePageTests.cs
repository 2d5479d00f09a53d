using System.Text.Json.Nodes;
using Bunit;
using FocWorkflows.Designer.Pages.Instances;
using FocWorkflows.Designer.Ports;

namespace FocWorkflows.Designer.Tests.Pages.Instances;

public sealed class InstancePageTests : BunitContext
{
    private static InstanceView Waiting(string status = "waiting") => new("i-1", "joint-statement", "Joint statement", 2, status, "internet-shutdowns",
        "chair@foc.example", StoppedClock.Epoch, null, new JsonObject { ["topic"] = "Shutdowns" },
        [new OpenStep("consult", "Consult the advisors", "consultation", StoppedClock.Epoch, StoppedClock.Epoch.AddDays(3),
            [new StepTask("t-1", "Comment on the draft", ["advisor.access@foc.example"], StoppedClock.Epoch.AddDays(3), "/api/consultations/c-1")])],
        [new JournalLine(1, StoppedClock.Epoch, "instanceStarted", null, null, "chair@foc.example", null, null)],
        status == "faulted" ? new IncidentView("consult", "Graph answered 500", StoppedClock.Epoch) : null);

    /// <summary>Statically, as the server renders the page (its live part prerendered with it).</summary>
    private IRenderedComponent<InstancePage> RenderPage()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", false));
        return Render<InstancePage>(p => p.Add(x => x.Id, "i-1"));
    }

    [Fact]
    public void Instance_WaitingOn_ShowsTheDueTimeHumanizedAndExactlyInTheViewersZone()
    {
        var port = this.UseInstances("member");
        port.Instance = Waiting();

        var page = RenderPage();

        Assert.Equal("closes in 3 days", page.Find(".due-human").TextContent);
        Assert.Equal("Mon 30 Nov 2026, 11:00 (Europe/Tallinn, UTC+02:00)", page.Find(".due-exact").TextContent);
        Assert.Contains("advisor.access@foc.example", page.Find(".assignees").TextContent);
        Assert.Equal("/consultations/c-1", page.Find(".task a").GetAttribute("href"));
        Assert.Contains("2026-11-27 11:00", page.Find(".timeline li").TextContent);
    }

    [Fact]
    public void Instance_WaitingOnMany_NamesTheFirstFive_AndFoldsTheRestAway()
    {
        var port = this.UseInstances("member");
        var many = Enumerable.Range(1, 16).Select(i => $"Advisor {i}").ToList();
        port.Instance = Waiting() with
        {
            WaitingOn = [new OpenStep("consult", "Consult the advisors", "consultation", StoppedClock.Epoch, StoppedClock.Epoch.AddDays(3),
                [new StepTask("t-1", "Comment on the draft", many, StoppedClock.Epoch.AddDays(3), "/api/consultations/c-1")])],
        };

        var page = RenderPage();

        Assert.Equal("Advisor 1, Advisor 2, Advisor 3, Advisor 4, Advisor 5", page.Find(".assignees").TextContent);
        Assert.Equal("and 11 more", page.Find(".more-assignees summary").TextContent);
        Assert.Contains("Advisor 16", page.Find(".more-assignees").TextContent);
    }

    [Theory]
    [InlineData("chair", true)]
    [InlineData("co-chair", true)]
    [InlineData("secretariat", true)]
    [InlineData("member", false)]
    [InlineData("advisor", false)]
    public void Instance_CancelAndRetry_OnlyForThoseAllowed(string role, bool allowed)
    {
        var port = this.UseInstances(role);
        port.Instance = Waiting("faulted");

        var page = RenderPage();

        Assert.Equal(allowed, page.FindAll("form.cancel").Count == 1);
        Assert.Equal(allowed, page.FindAll("form.retry").Count == 1);
        Assert.Contains("Graph answered 500", page.Find(".incident").TextContent);
    }

    [Fact]
    public void Instance_CancelWithoutAReason_IsNotSentAndSaysWhy()
    {
        var port = this.UseInstances("chair");
        port.Instance = Waiting();
        var page = RenderPage();

        page.Find("form.cancel").Submit();

        Assert.Contains("Give a reason", page.Find("#cancel-reason-error").TextContent);
    }

    [Fact]
    public void Instance_PlainOperateForms_FollowTheLiveIsland_SoThatItsStylesheetCanHideThemOnceLive()
    {
        var port = this.UseInstances("chair");
        port.Instance = Waiting("faulted");

        var markup = RenderPage().Markup;

        var island = markup.IndexOf("class=\"live-instance\"", StringComparison.Ordinal);
        var plain = markup.IndexOf("class=\"operate operate-on-load\"", StringComparison.Ordinal);
        Assert.True(island >= 0 && plain > island, "the plain operate forms must come after the live island");
    }
}
