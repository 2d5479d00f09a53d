using Bunit;
using FocWorkflows.Designer.Pages.Approvals;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Approvals;

public sealed class ApprovalPageTests : BunitContext
{
    private readonly FakeApprovalsPort _port = new();

    public ApprovalPageTests()
    {
        this.UseInstances("member");
        Services.AddSingleton<IApprovalsPort>(_port);
    }

    private static ApprovalPageView Round(string mode, IReadOnlyList<string> kinds, bool open = true) => new(
        "r-1", "i-1", "Joint statement on internet shutdowns", mode, 2, open, open ? null : "NotAdopted", open ? null : "SilenceBroken",
        StoppedClock.Epoch.AddDays(3), null, new ApprovalTallyView(3, 1, 0, 0, 1, 0, 0, 0),
        [new("GH", "Ghana", "object", "Paragraph 2 is too broad.", "Narrow it to elections.", "diplomat.gh@foc.example", StoppedClock.Epoch)],
        kinds, "CA");

    private IRenderedComponent<ApprovalPage> Open(ApprovalPageView round)
    {
        _port.Round = round;
        return Render<ApprovalPage>(p => p.Add(x => x.Id, "r-1"));
    }

    [Fact]
    public void Approval_ShowsModeDeadlineInTheViewersZoneTallyAndResponsesByGovernmentName()
    {
        var page = Open(Round("silence", ["noObjection", "endorse", "object"]));

        Assert.Equal("Joint statement on internet shutdowns", page.Find("h1").TextContent);
        Assert.Contains("Silence procedure", page.Find(".mode").TextContent);
        Assert.Equal("closes in 3 days", page.Find(".due-human").TextContent);
        Assert.Equal("Mon 30 Nov 2026, 11:00 (Europe/Tallinn, UTC+02:00)", page.Find(".due-exact").TextContent);
        Assert.Equal("1", page.Find(".tally-object td").TextContent);
        Assert.Equal("Ghana", page.Find(".response .government").TextContent);
        Assert.Equal("Paragraph 2 is too broad.", page.Find(".response .reason").TextContent);
    }

    [Theory]
    [InlineData("silence", new[] { "noObjection", "endorse", "object" }, new[] { "No objection", "Endorse", "Object" })]
    [InlineData("signOn", new[] { "signOn", "withdraw" }, new[] { "Sign on", "Withdraw" })]
    [InlineData("majority", new[] { "endorse", "object", "abstain" }, new[] { "Endorse", "Object", "Abstain" })]
    public void Approval_OffersTheKindsTheModeAllows(string mode, string[] kinds, string[] labels)
    {
        var page = Open(Round(mode, kinds));

        var radios = page.FindAll("input[type=radio][name=Kind]");
        Assert.Equal(kinds, radios.Select(r => r.GetAttribute("value")));
        Assert.Equal(labels, page.FindAll("label.choice").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public void Approval_ForSomeoneOutsideTheAudienceOrAfterClosing_HasNoForm()
    {
        var page = Open(Round("silence", [], open: false));

        Assert.Empty(page.FindAll("form.respond-form"));
        Assert.Contains("Closed: not adopted (silence broken)", page.Find(".status").TextContent);
    }

    [Fact]
    public void Approval_ClosedEarly_SaysWhenItClosed_NotThatItStillCloses()
    {
        var page = Open(Round("silence", [], open: false) with { ClosedAt = StoppedClock.Epoch.AddHours(-2) });

        Assert.Equal("2 hours ago", page.Find(".due-human").TextContent);
        Assert.Contains("Closed", page.FindAll("dt").Select(d => d.TextContent));
        Assert.DoesNotContain("closes in", page.Markup);
        Assert.Contains("before its deadline (Mon 30 Nov 2026, 11:00 (Europe/Tallinn, UTC+02:00))", page.Markup);
    }

    [Fact]
    public void Approval_ObjectionWithoutAReason_IsNotSentAndTheErrorIsNextToTheField()
    {
        var page = Open(Round("silence", ["noObjection", "endorse", "object"]));

        page.Find("input[value=object]").Change("object");
        page.Find("form.respond-form").Submit();

        Assert.Empty(_port.Sent);
        Assert.Contains("needs a reason", page.Find("#reason-error").TextContent);
        Assert.Equal("reason-error", page.Find("#reason").GetAttribute("aria-describedby"));
        Assert.Equal("true", page.Find("#reason").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Approval_Adopted_ListsWhoAdoptedIt_AndWhoDissociatedApart()
    {
        var page = Open(Round("silence", [], open: false) with
        {
            Result = "Adopted", Reason = "SilenceHeld", AdoptedBy = ["Canada", "Ghana"], Dissociated = ["Japan"],
        });

        Assert.Equal("Adopted by 2 governments", page.Find("#adopted-title").TextContent);
        Assert.Equal("Canada, Ghana", page.Find(".adopted-by").TextContent);
        Assert.Contains("Japan", page.Find(".dissociated").TextContent);
    }

    [Fact]
    public void Approval_DissociationWithoutAReason_IsNotSent()
    {
        var page = Open(Round("silence", ["noObjection", "endorse", "object", "dissociate"]));

        page.Find("input[value=dissociate]").Change("dissociate");
        page.Find("form.respond-form").Submit();

        Assert.Empty(_port.Sent);
        Assert.Contains("dissociation needs a reason", page.Find("#reason-error").TextContent);
    }

    [Fact]
    public void Approval_ObjectionWithReasonAndProposedText_IsSent()
    {
        var page = Open(Round("silence", ["noObjection", "endorse", "object"]));

        page.Find("input[value=object]").Change("object");
        page.Find("#reason").Change("Too broad.");
        page.Find("#proposed").Change("Narrow it.");
        page.Find("form.respond-form").Submit();

        Assert.Equal(new ApprovalAnswer("object", "Too broad.", "Narrow it."), Assert.Single(_port.Sent));
        // The page comes back saying the response was recorded, rather than resetting the form in silence.
        Assert.EndsWith($"/approvals/r-1?steered=responded", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public void Approval_AfterAResponse_SaysItWasRecorded()
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/approvals/r-1?steered=responded");

        var page = Open(Round("silence", ["noObjection", "endorse", "object"]));

        Assert.Contains("Your response was recorded", page.Find(".notice.success[role=status]").TextContent);
    }

    [Fact]
    public void Approval_ServerFieldErrorAndConflict_AreShown()
    {
        var page = Open(Round("silence", ["noObjection", "endorse", "object"]));
        _port.Answer = new ActResult(ActProblem.Invalid, "The response is not valid", new Dictionary<string, string[]> { ["kind"] = ["a silence round accepts noObjection."] });
        page.Find("input[value=endorse]").Change("endorse");
        page.Find("form.respond-form").Submit();
        Assert.Contains("accepts noObjection", page.Find("#kind-error").TextContent);

        _port.Answer = new ActResult(ActProblem.Conflict, "The deadline has passed.", new Dictionary<string, string[]>());
        page.Find("form.respond-form").Submit();
        Assert.Contains("no longer takes responses: The deadline has passed.", page.Find("[role=alert]").TextContent);
    }
}
