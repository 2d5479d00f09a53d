using System.Text.Json.Nodes;
using Bunit;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Pages.Definitions;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Definitions;

public sealed class VersionsPageTests : BunitContext
{
    private readonly FakeDefinitionVersionsPort _port = new();

    public VersionsPageTests()
    {
        this.UseInstances("member");
        Services.AddSingleton<IDefinitionVersionsPort>(_port);
    }

    private static WorkflowDefinition Version(int version, string message, params ActivityNode[] more) => new()
    {
        Id = "review", Version = version, Name = "Review",
        Activities = [new() { Id = "greet", Type = "control.log", Settings = new JsonObject { ["message"] = message } }, .. more],
    };

    [Fact]
    public void Versions_ListsEachPublishedVersionWithWhoPublishedIt()
    {
        _port.Published.AddRange([Version(1, "hi"), Version(2, "hello")]);

        var page = Render<VersionsPage>(p => p.Add(x => x.Id, "review"));

        var rows = page.FindAll("table.versions tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("2", rows[0].TextContent.Trim());
        Assert.Contains("secretariat@foc.example", rows[0].TextContent);
    }

    [Fact]
    public void Versions_ByDefault_ComparesThePreviousWithTheLatest()
    {
        _port.Published.AddRange([Version(1, "hi"), Version(2, "hello", new ActivityNode { Id = "end", Type = "control.end" })]);

        var page = Render<VersionsPage>(p => p.Add(x => x.Id, "review"));

        Assert.Equal("1", page.Find("select#from option[selected]").GetAttribute("value"));
        Assert.Equal("2", page.Find("select#to option[selected]").GetAttribute("value"));
        Assert.Contains("Node added: end", page.Find("li.added").TextContent);
        Assert.Equal("message: \"hi\" → \"hello\"", page.Find("li.setting").TextContent.Trim());
    }

    [Fact]
    public void Versions_ChosenInTheQuery_ComparesThose()
    {
        _port.Published.AddRange([Version(1, "hi"), Version(2, "hello"), Version(3, "hi")]);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/definitions/review/versions?from=1&to=3");

        var page = Render<VersionsPage>(p => p.Add(x => x.Id, "review"));

        Assert.Contains("From version 1 to version 3", page.Find("#diff-heading").TextContent);
        Assert.Contains("No differences", page.Find("section.diff").TextContent);
    }

    [Fact]
    public void Versions_NeverPublished_SaysSo()
    {
        var page = Render<VersionsPage>(p => p.Add(x => x.Id, "review"));

        Assert.Contains("No published version yet", page.Find("p.empty").TextContent);
        Assert.Empty(page.FindAll("form.compare"));
    }
}
