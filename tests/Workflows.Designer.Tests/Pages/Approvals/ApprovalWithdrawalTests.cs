using Bunit;
using FocWorkflows.Designer.Pages.Approvals;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Approvals;

/// <summary>Withdrawing a text from a round on its page.</summary>
public sealed class ApprovalWithdrawalTests : BunitContext
{
    private readonly FakeApprovalsPort _port = new();

    public ApprovalWithdrawalTests()
    {
        this.UseInstances("chair");
        Services.AddSingleton<IApprovalsPort>(_port);
    }

    private IRenderedComponent<ApprovalPage> Open(ApprovalPageView round)
    {
        _port.Round = round;
        return Render<ApprovalPage>(p => p.Add(x => x.Id, "r-1"));
    }

    private static ApprovalPageView Round(bool open = true, bool mayWithdraw = true) => new("r-1", "i-1", "Joint statement", "silence", 2, open,
        open ? null : "Withdrawn", open ? null : "Withdrawn", StoppedClock.Epoch.AddDays(3), open ? null : StoppedClock.Epoch,
        new ApprovalTallyView(3, 0, 0, 0, 0, 0, 0, 0), [], [], null, ViewerMayWithdraw: mayWithdraw,
        WithdrawnBecause: open ? null : "Capitals asked for more time.");

    [Fact]
    public void Withdraw_WithoutAReason_IsNotSent_WithAReason_IsSentAndSaysSo()
    {
        var page = Open(Round());

        page.Find("form.withdraw-form").Submit();
        Assert.Empty(_port.Withdrawals);
        Assert.Contains("everyone involved is told", page.Find("#withdraw-reason-error").TextContent);

        page.Find("#withdraw-reason").Change("Capitals asked for more time.");
        page.Find("form.withdraw-form").Submit();
        Assert.Equal("Capitals asked for more time.", Assert.Single(_port.Withdrawals));
        Assert.EndsWith("/approvals/r-1?steered=withdrawn", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Withdraw_ForSomeoneWhoMayNot_HasNoForm()
    {
        var page = Open(Round(mayWithdraw: false));

        Assert.Empty(page.FindAll("form.withdraw-form"));
    }

    [Fact]
    public void Withdrawn_SaysWhyInsteadOfAResult()
    {
        var page = Open(Round(open: false, mayWithdraw: false));

        Assert.Equal("Withdrawn: Capitals asked for more time.", page.Find(".status").TextContent);
    }
}
