using Bunit;
using FocWorkflows.Designer.Pages.Approvals;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Approvals;

/// <summary>Extending a round's deadline from its page (the viewer is in Europe/Tallinn, UTC+02:00; the deadline is 30 Nov 11:00 there).</summary>
public sealed class ApprovalSteeringTests : BunitContext
{
    private readonly FakeApprovalsPort _port = new();

    public ApprovalSteeringTests()
    {
        this.UseInstances("chair");
        Services.AddSingleton<IApprovalsPort>(_port);
    }

    private IRenderedComponent<ApprovalPage> Open(bool mayExtend = true)
    {
        _port.Round = new ApprovalPageView("r-1", "i-1", "Joint statement", "silence", 2, true, null, null, StoppedClock.Epoch.AddDays(3), null,
            new ApprovalTallyView(3, 0, 0, 0, 0, 0, 0, 0), [], [], null, ViewerMayExtend: mayExtend);
        return Render<ApprovalPage>(p => p.Add(x => x.Id, "r-1"));
    }

    private static void Extend(IRenderedComponent<ApprovalPage> page, string until, string? reason)
    {
        page.Find("#extend-until").Change(until);
        if (reason is not null) page.Find("#extend-reason").Change(reason);
        page.Find("form.extend-form").Submit();
    }

    [Fact]
    public void Extend_FormStartsAtTheCurrentDeadlineInTheViewersZone()
    {
        var page = Open();

        Assert.Equal("2026-11-30T11:00", page.Find("#extend-until").GetAttribute("value"));
        Assert.Contains("Europe/Tallinn", page.Find("label[for=extend-until]").TextContent);
    }

    [Fact]
    public void Extend_ForSomeoneWhoMayNot_HasNoForm()
    {
        var page = Open(mayExtend: false);

        Assert.Empty(page.FindAll("form.extend-form"));
    }

    [Theory]
    [InlineData("2026-11-26T10:00", "has passed")]
    [InlineData("2026-11-29T12:00", "later than the current one, Mon 30 Nov 2026, 11:00")]
    [InlineData("2026-11-30T11:00", "later than the current one")]
    [InlineData("", "Enter the new deadline.")]
    [InlineData("soon", "Enter a date and a time")]
    public void Extend_BadMoment_IsNotSentAndTheErrorIsNextToTheField(string until, string error)
    {
        var page = Open();

        Extend(page, until, "Capitals need time.");

        Assert.Empty(_port.Extensions);
        Assert.Contains(error, page.Find("#extend-until-error").TextContent);
        Assert.Equal("true", page.Find("#extend-until").GetAttribute("aria-invalid"));
        Assert.Contains("extend-until-error", page.Find("#extend-until").GetAttribute("aria-describedby"));
        Assert.NotNull(page.Find("form.extend-form [role=alert]"));
    }

    [Fact]
    public void Extend_WithoutAReason_IsNotSent()
    {
        var page = Open();

        Extend(page, "2026-12-02T17:00", null);

        Assert.Empty(_port.Extensions);
        Assert.Contains("journaled", page.Find("#extend-reason-error").TextContent);
        Assert.Equal("extend-reason-error", page.Find("#extend-reason").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Extend_Valid_SendsTheMomentReadInTheViewersZoneAndShowsTheRoundAgain()
    {
        var page = Open();

        Extend(page, "2026-12-02T17:00", " Capitals need time. ");

        var sent = Assert.Single(_port.Extensions);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero), sent.Until);
        Assert.Equal(TimeSpan.FromHours(2), sent.Until.Offset);
        Assert.Equal("Capitals need time.", sent.Reason);
        Assert.EndsWith("/approvals/r-1?steered=extended", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Extend_RefusedByTheServer_SaysWhy()
    {
        var page = Open();
        _port.Answer = new ActResult(ActProblem.Conflict, "The round's deadline has passed.", new Dictionary<string, string[]>());

        Extend(page, "2026-12-02T17:00", "Capitals need time.");

        Assert.Contains("not extended: The round's deadline has passed.", page.Find("form.extend-form [role=alert]").TextContent);
    }

    [Fact]
    public void Page_AfterAnExtension_SaysSoWithTheDeadlineHumanizedAndExact()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/approvals/r-1?steered=extended");

        var page = Open();

        Assert.Equal("The deadline was extended: the round closes in 3 days, on Mon 30 Nov 2026, 11:00 (Europe/Tallinn, UTC+02:00).",
            page.Find(".notice.success[role=status]").TextContent);
    }
}
