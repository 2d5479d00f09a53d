using Bunit;
using FocWorkflows.Designer.Pages.Drafts;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Drafts;

public sealed class DraftPageTests : BunitContext
{
    private readonly FakeDraftsPort _port = new();

    public DraftPageTests()
    {
        this.UseInstances("member");
        Services.AddSingleton<IDraftsPort>(_port);
    }

    private static DraftPageView Draft(bool maySubmit, int number = 2) => new("i-1", [1, 2],
        new DraftVersionView(number, "Joint statement", "Tightened paragraph 2", "cochair@foc.example", StoppedClock.Epoch,
            [new(1, "<p>States should keep the internet on.</p>"), new(2, "<p>Shutdowns <em>harm</em> elections.</p>")]), maySubmit);

    [Fact]
    public void Draft_ShowsNumberedParagraphsAndLinksTheRedlineAgainstThePreviousVersion()
    {
        _port.Draft = Draft(maySubmit: false);

        var page = Render<DraftPage>(p => p.Add(x => x.InstanceId, "i-1").Add(x => x.Number, 2));

        Assert.Equal("Joint statement, version 2", page.Find("h1").TextContent);
        Assert.Equal(["1", "2"], page.FindAll("section.paragraph .paragraph-number").Select(n => n.TextContent));
        Assert.Equal("harm", page.Find("#p2 em").TextContent);
        Assert.Equal("/instances/i-1/drafts/1/diff/2", page.Find("a.redline-link").GetAttribute("href"));
        Assert.Empty(page.FindAll("form.draft-form"));
    }

    [Fact]
    public void Draft_FirstVersion_HasNoRedlineLink()
    {
        _port.Draft = Draft(maySubmit: false, number: 1) with { Versions = [1] };

        var page = Render<DraftPage>(p => p.Add(x => x.InstanceId, "i-1").Add(x => x.Number, 1));

        Assert.Empty(page.FindAll("a.redline-link"));
    }

    [Fact]
    public void Draft_ForAPenHolder_OffersTheNextVersion_AndAnEmptyTextIsNotSent()
    {
        _port.Draft = Draft(maySubmit: true);
        var page = Render<DraftPage>(p => p.Add(x => x.InstanceId, "i-1"));

        page.Find("form.draft-form").Submit();

        Assert.Contains("Submit version 3", page.Find("#submit-title").TextContent);
        Assert.Empty(_port.Sent);
        Assert.Contains("Write the text", page.Find("#markdown-error").TextContent);
        Assert.Contains("markdown-error", page.Find("#markdown").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Draft_SubmitWithText_SendsMarkdownAndNote()
    {
        _port.Draft = Draft(maySubmit: true);
        var page = Render<DraftPage>(p => p.Add(x => x.InstanceId, "i-1"));

        page.Find("#markdown").Change("# Statement\n\nKeep it on.");
        page.Find("#note").Change("Shorter");
        page.Find("form.draft-form").Submit();

        Assert.Equal(new DraftSubmission("# Statement\n\nKeep it on.", "Shorter"), Assert.Single(_port.Sent));
    }

    [Fact]
    public void Draft_ForAPenHolderOnTheLatestVersion_StartsTheRevisionFromItsText()
    {
        _port.Draft = Draft(maySubmit: true) with { Version = Draft(maySubmit: true).Version! with { Markdown = "States should keep the internet on." } };

        var page = Render<DraftPage>(p => p.Add(x => x.InstanceId, "i-1"));

        Assert.Equal("States should keep the internet on.", page.Find("#markdown").TextContent);
        Assert.Contains("starts as the latest version", page.Find("#markdown-hint").TextContent);
    }

    [Fact]
    public void Draft_SubmitWithATitle_SendsItWithTheText()
    {
        _port.Draft = Draft(maySubmit: true);
        var page = Render<DraftPage>(p => p.Add(x => x.InstanceId, "i-1"));

        page.Find("#title").Change("Joint statement (revised)");
        page.Find("#markdown").Change("Keep it on.");
        page.Find("form.draft-form").Submit();

        Assert.Equal(new DraftSubmission("Keep it on.", null, "Joint statement (revised)"), Assert.Single(_port.Sent));
    }

    [Fact]
    public void Draft_OffersTheVersionAsAWordDocument_AndAWordFileToStartFrom()
    {
        _port.Draft = Draft(maySubmit: true);

        var page = Render<DraftPage>(p => p.Add(x => x.InstanceId, "i-1").Add(x => x.Number, 2));

        Assert.Equal("/api/instances/i-1/drafts/2.docx", page.Find("a[download]").GetAttribute("href"));
        Assert.Equal("multipart/form-data", page.Find("form.word-form").GetAttribute("enctype"));
        Assert.Contains(".docx", page.Find("#document").GetAttribute("accept"));
    }

    [Fact]
    public void Redline_RendersTheMarkedUpTextWithALegend()
    {
        _port.Redline = new RedlineView("i-1", 1, 2, "<section class=\"changed\" id=\"p2\"><p>Shutdowns <del>hurt</del><ins>harm</ins></p></section>", 1, 0, 0);

        var page = Render<RedlinePage>(p => p.Add(x => x.InstanceId, "i-1").Add(x => x.From, 1).Add(x => x.To, 2));

        Assert.Equal("harm", page.Find(".redline ins").TextContent);
        Assert.Equal("hurt", page.Find(".redline del").TextContent);
        Assert.NotNull(page.Find(".legend ins"));
        Assert.Contains("1 changed, 0 added, 0 removed", page.Find(".summary").TextContent);
    }
}
