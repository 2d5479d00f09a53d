using Bunit;
using Bunit.TestDoubles;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Designer.Pages;
using FocWorkflows.Designer.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages;

public sealed class HomeTests : BunitContext
{
    private readonly BunitAuthorizationContext _auth;

    public HomeTests() => _auth = this.AddAuthorization();

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
