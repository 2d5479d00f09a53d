using Bunit;
using FocWorkflows.Designer.Pages.Consultations;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Consultations;

public sealed class DispositionsPageTests : BunitContext
{
    private readonly FakeDispositionsPort _port = new();

    public DispositionsPageTests()
    {
        this.UseInstances("member");
        Services.AddSingleton<IDispositionsPort>(_port);
    }

    private IRenderedComponent<DispositionsPage> Open(bool mayDispose)
    {
        _port.Matrix = new DispositionsView("c-1", "Statement on AI", mayDispose,
        [
            new(1, "k-1", "Priya Raman", "Tech Lab", 2, 3, "audits", "Say who audits.", "accepted", null, "diplomat.nl@foc.example"),
            new(2, "k-2", "Ana Silva", null, 2, 4, null, "Cite ICCPR.", null, null, null),
        ]);
        return Render<DispositionsPage>(p => p.Add(x => x.Id, "c-1"));
    }

    [Fact]
    public async Task Dispositions_WhileThePortIsStillAnswering_ShowNeitherRefusalNorMatrix_ThenTheMatrix()
    {
        // A first render happens before the port answers when the database awaits for real (PostgreSQL): a refusal
        // shown then would also set the response's status to 404 for a page that exists.
        _port.Gate = new TaskCompletionSource();
        var page = Open(mayDispose: false);

        Assert.DoesNotContain("Not found", page.Markup);
        Assert.DoesNotContain("Not allowed", page.Markup);
        Assert.Empty(page.FindAll("tr.comment-row"));

        _port.Gate.SetResult();
        await page.WaitForStateAsync(() => page.FindAll("tr.comment-row").Count == 2);
    }

    [Fact]
    public void Dispositions_ShowTheMatrixAndExportLinks()
    {
        var page = Open(mayDispose: false);

        Assert.Equal(2, page.FindAll("tr.comment-row").Count);
        Assert.Contains("Priya Raman (Tech Lab)", page.FindAll("tr.comment-row")[0].TextContent);
        Assert.StartsWith("Accepted", page.FindAll("td.decision")[0].TextContent);
        Assert.NotNull(page.Find("a[href='/api/consultations/c-1/dispositions.csv']"));
        Assert.NotNull(page.Find("a[href='/api/consultations/c-1/dispositions.md']"));
        Assert.Empty(page.FindAll("form.dispose"));
    }

    [Fact]
    public void Dispositions_ForAPenHolder_OneFormPerComment()
    {
        var page = Open(mayDispose: true);

        Assert.Equal(2, page.FindAll("form.dispose").Count);
        Assert.Equal(["", "accepted", "partiallyAccepted", "notAccepted", "noted"],
            page.FindAll("#decision-k-2 option").Select(o => o.GetAttribute("value")));
    }

    [Theory]
    [InlineData("notAccepted")]
    [InlineData("partiallyAccepted")]
    public void Dispositions_RefusalWithoutAReason_IsNotSentAndSaysWhy(string decision)
    {
        var page = Open(mayDispose: true);

        page.Find("#decision-k-2").Change(decision);
        page.FindAll("form.dispose")[1].Submit();

        Assert.Empty(_port.Sent);
        Assert.Contains("A reason is required", page.Find("#reason-error-k-2").TextContent);
        Assert.Equal("reason-error-k-2", page.Find("#reason-k-2").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Dispositions_NotedWithoutAReason_IsSent()
    {
        var page = Open(mayDispose: true);

        page.Find("#decision-k-2").Change("noted");
        page.FindAll("form.dispose")[1].Submit();

        Assert.Equal(("k-2", new DispositionChoice("noted", null)), Assert.Single(_port.Sent));
    }

    [Fact]
    public void Dispositions_NotTheViewersToSee_SayNotAllowedAndShowNothingOfTheMatrix()
    {
        _port.Refused = Refusal.NotAllowed;

        var page = Render<DispositionsPage>(p => p.Add(x => x.Id, "c-1"));

        Assert.Equal("Not allowed", page.Find("h1").TextContent);
        Assert.Empty(page.FindAll("table.matrix"));
        Assert.Empty(page.FindAll("a[href$='dispositions.csv']"));
    }

    [Fact]
    public void Dispositions_ForTheSecretariat_OfferToWithdrawOneLinkOrAll_AndListTheUses()
    {
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        _port.Matrix = new DispositionsView("c-1", "Statement on AI", false, [], Links: new AdvisorLinksView(
            [new("advisor.uni@foc.example", "Tomás Ortega", null), new("advisor.tech@foc.example", "Priya Raman", at)], null,
            [new("advisor.uni@foc.example", at, "203.0.113.7", "page", "admitted")]));

        var page = Render<DispositionsPage>(p => p.Add(x => x.Id, "c-1"));
        page.Find("#revoke-advisor").Change("advisor.uni@foc.example");
        page.Find("#revoke-reason").Change("Forwarded.");
        page.Find("form.revoke-form").Submit();

        Assert.Equal(["", "advisor.uni@foc.example"], page.FindAll("#revoke-advisor option").Select(o => o.GetAttribute("value")));
        Assert.Contains("Priya Raman (advisor.tech@foc.example)", page.Find("ul.withdrawn").TextContent);
        Assert.Contains("203.0.113.7", page.Find("table.link-uses").TextContent);
        Assert.Equal(("advisor.uni@foc.example", "Forwarded."), Assert.Single(_port.Revoked));
    }
}
