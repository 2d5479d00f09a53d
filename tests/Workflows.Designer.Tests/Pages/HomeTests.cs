using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Designer.Pages;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages;

public sealed class HomeTests : BunitContext
{
    private readonly BunitAuthorizationContext _auth;

    private readonly FakeInstancesPort _instances = new();

    public HomeTests()
    {
        _auth = this.AddAuthorization();
        Services.AddSingleton<IInstancesPort>(_instances);
        Services.AddSingleton<TimeProvider>(new StoppedClock(StoppedClock.Epoch));
    }

    private static InboxTask Open(string id, DateTimeOffset? due) =>
        new(id, $"i-{id}", $"Task {id}", StoppedClock.Epoch, due, null, ["Approve"], []);

    [Fact]
    public void Home_SignedIn_ShowsYourTasksFirst_SoonestDueFirst_WithALinkToTheInbox()
    {
        _auth.SetAuthorized("Liis Tamm").SetRoles("member").SetClaims(new Claim(ClaimTypes.Email, "diplomat.ca@foc.example"));
        _instances.Tasks = [Open("late", StoppedClock.Epoch.AddDays(4)), Open("none", null), Open("soon", StoppedClock.Epoch.AddHours(2))];
        Services.AddSingleton<IDesignerBackend>(new FakeBackend([new DefinitionListItem("joint-statement", "Joint statement", 3, false, DateTimeOffset.UnixEpoch)]));

        var page = Render<Home>();

        Assert.Equal("your-tasks-heading", page.Find("h2").Id);
        Assert.Equal(["Task soon", "Task late", "Task none"], page.FindAll("section.your-tasks li.task a").Select(a => a.TextContent));
        Assert.Equal("/instances/i-soon", page.Find("section.your-tasks li.task a").GetAttribute("href"));
        Assert.Contains("closes in 2 hours", page.Find("section.your-tasks li.task").TextContent);
        Assert.NotNull(page.Find("section.your-tasks a[href='/inbox']"));
    }

    [Fact]
    public void Home_SignedOut_HasNoTaskSection()
    {
        Services.AddSingleton<IDesignerBackend>(new FakeBackend([]));

        var page = Render<Home>();

        Assert.Empty(page.FindAll("section.your-tasks"));
    }

    [Theory]
    [InlineData("secretariat", 1)]
    [InlineData("chair", 0)]
    public void Home_ImportLink_OnlyForTheSecretariat_ExportAndVersionsLinksForEveryone(string role, int importLinks)
    {
        _auth.SetAuthorized("Someone").SetRoles(role);
        Services.AddSingleton<IDesignerBackend>(new FakeBackend([new DefinitionListItem("joint-statement", "Joint statement", 3, false, DateTimeOffset.UnixEpoch)]));

        var page = Render<Home>();

        Assert.Equal(importLinks, page.FindAll("a.import[href='/definitions/import']").Count);
        Assert.NotNull(page.Find("a.versions[href='/definitions/joint-statement/versions']"));
        Assert.NotNull(page.Find("a.export[href='/api/definitions/joint-statement/export?format=elsa']"));
    }

    [Theory]
    [InlineData("chair", 1)]
    [InlineData("member", 0)]
    public void Home_LaunchLink_OnlyForThoseWhoMayLaunch_AndOnlyForPublishedDefinitions(string role, int links)
    {
        _auth.SetAuthorized("Someone").SetRoles(role);
        Services.AddSingleton<IDesignerBackend>(new FakeBackend(
        [
            new DefinitionListItem("joint-statement", "Joint statement", 3, false, DateTimeOffset.UnixEpoch),
            new DefinitionListItem("rapid-response", "Rapid response", null, true, DateTimeOffset.UnixEpoch),
        ]));

        var page = Render<Home>();

        Assert.Equal(links, page.FindAll("a.launch[href='/launch/joint-statement']").Count);
        Assert.Empty(page.FindAll("a.launch[href='/launch/rapid-response']"));
    }

    [Theory]
    [InlineData("secretariat", "/definitions/joint-statement")]
    [InlineData("chair", "/definitions/joint-statement/versions")]
    public void Home_DefinitionName_OpensTheEditorForTheSecretariat_AndTheVersionsForOthers(string role, string href)
    {
        _auth.SetAuthorized("Someone").SetRoles(role);
        Services.AddSingleton<IDesignerBackend>(new FakeBackend([new DefinitionListItem("joint-statement", "Joint statement", 3, false, DateTimeOffset.UnixEpoch)]));

        var page = Render<Home>();

        Assert.Equal(href, page.Find("a.definition").GetAttribute("href"));
    }

    [Fact]
    public void Home_ForAChair_SeparatesTheElsaExportFromTheLaunchLink()
    {
        _auth.SetAuthorized("Someone").SetRoles("chair");
        Services.AddSingleton<IDesignerBackend>(new FakeBackend([new DefinitionListItem("joint-statement", "Joint statement", 3, false, DateTimeOffset.UnixEpoch)]));

        var page = Render<Home>();

        var actions = System.Text.RegularExpressions.Regex.Replace(page.Find("a.launch").ParentElement!.TextContent, @"\s+", " ").Trim();
        Assert.Contains("Elsa 3 JSON · Launch", actions);
    }

    private sealed class FakeBackend(IReadOnlyList<DefinitionListItem> definitions) : IDesignerBackend
    {
        public IActivityCatalog Catalog { get; } = new ActivityCatalog(
        [
            new ActivityDescriptor { Type = "control.decision", Category = "Control", DisplayName = "Decision", Description = "Takes a path." },
            new ActivityDescriptor { Type = "deliberation.consultation", Category = "Deliberation", DisplayName = "Consultation" },
        ]);

        public Task<IReadOnlyList<DefinitionListItem>> ListDefinitionsAsync(CancellationToken ct) => Task.FromResult(definitions);
    }

    [Fact]
    public void Home_WithDefinitions_ListsEachWithItsPublishedVersionAndDraftState()
    {
        _auth.SetAuthorized("Someone").SetRoles("secretariat");
        Services.AddSingleton<IDesignerBackend>(new FakeBackend(
        [
            new DefinitionListItem("joint-statement", "Joint statement", 3, true, DateTimeOffset.UnixEpoch),
            new DefinitionListItem("rapid-response", "Rapid response", null, true, DateTimeOffset.UnixEpoch),
        ]));

        var page = Render<Home>();

        var rows = page.FindAll("table.definitions tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("version 3", rows[0].TextContent);
        Assert.Contains("not yet", rows[1].TextContent);
        Assert.Contains("being edited", rows[1].TextContent);
        Assert.Equal("/definitions/joint-statement", rows[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Home_WithoutDefinitions_SaysSoInsteadOfAnEmptyTable()
    {
        Services.AddSingleton<IDesignerBackend>(new FakeBackend([]));

        var page = Render<Home>();

        Assert.Empty(page.FindAll("table.definitions"));
        Assert.Contains("No workflow definitions yet", page.Find("p.empty").TextContent);
    }

    [Fact]
    public void Home_GroupsThePaletteByCategory()
    {
        Services.AddSingleton<IDesignerBackend>(new FakeBackend([]));

        var page = Render<Home>();

        var groups = page.FindAll("section.palette-group h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["Control", "Deliberation"], groups);
        Assert.Contains("control.decision", page.Find("section.palette-group").TextContent);
    }
}
