using Bunit;
using FocWorkflows.Designer.Pages.Approvals;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Approvals;

/// <summary>The secretariat answering a round for one of its diplomats.</summary>
public sealed class ApprovalOnBehalfTests : BunitContext
{
    private readonly FakeApprovalsPort _port = new();

    public ApprovalOnBehalfTests()
    {
        this.UseInstances("secretariat");
        Services.AddSingleton<IApprovalsPort>(_port);
        _port.Round = new ApprovalPageView("r-1", "i-1", "Joint statement", "silence", 2, true, null, null, StoppedClock.Epoch.AddDays(3), null,
            new ApprovalTallyView(2, 1, 0, 0, 1, 0, 0, 0), [], ["noObjection", "endorse", "object"], null, ViewerMayExtend: true,
            OnBehalfOptions:
            [
                new("diplomat.jp@foc.example", "Haruki Sato, Japan (diplomat.jp@foc.example)", Pending: true),
                new("diplomat.gh@foc.example", "Kwame Mensah, Ghana (diplomat.gh@foc.example)", Pending: false),
            ]);
    }

    private IRenderedComponent<ApprovalPage> Open() => Render<ApprovalPage>(p => p.Add(x => x.Id, "r-1"));

    [Fact]
    public void OnBehalf_OffersTheDiplomatsWhoseGovernmentHasNotRespondedFirst()
    {
        var page = Open();

        Assert.Equal("A response on behalf of a diplomat", page.Find("#respond-title").TextContent);
        var groups = page.FindAll("#on-behalf optgroup");
        Assert.Equal(["Governments that have not responded", "Governments that have responded (changes their response)"],
            groups.Select(g => g.GetAttribute("label")));
        Assert.Equal("diplomat.jp@foc.example", groups[0].QuerySelector("option")!.GetAttribute("value"));
        Assert.Equal("Respond on behalf of (required)", page.Find("label[for=on-behalf]").TextContent);
    }

    [Fact]
    public void OnBehalf_NoDiplomatChosen_IsNotSentAndTheErrorIsNextToTheSelect()
    {
        var page = Open();

        page.Find("input[value=noObjection]").Change("noObjection");
        page.Find("form.respond-form").Submit();

        Assert.Empty(_port.Sent);
        Assert.Equal("Choose the diplomat you respond for.", page.Find("#on-behalf-error").TextContent);
        Assert.Equal("on-behalf-error", page.Find("#on-behalf").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void OnBehalf_DiplomatChosen_SendsTheResponseForThem()
    {
        var page = Open();

        page.Find("#on-behalf").Change("diplomat.jp@foc.example");
        page.Find("input[value=endorse]").Change("endorse");
        page.Find("form.respond-form").Submit();

        Assert.Equal(new ApprovalAnswer("endorse", null, null, "diplomat.jp@foc.example"), Assert.Single(_port.Sent));
    }
}
