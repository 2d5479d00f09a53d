using Bunit;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Designer.Pages.Definitions;

namespace FocWorkflows.Designer.Tests.Pages.Definitions;

public sealed class FindingsListTests : BunitContext
{
    [Fact]
    public void FindingsList_None_SaysNoProblems()
    {
        var list = Render<FindingsList>(p => p.Add(x => x.Findings, []));

        Assert.Equal("No problems", list.Find("h2").TextContent);
        Assert.Empty(list.FindAll("li"));
    }

    [Fact]
    public void FindingsList_FindingOnANode_IsAButtonThatSelectsTheNode()
    {
        string? selected = null;
        var list = Render<FindingsList>(p => p
            .Add(x => x.Findings,
            [
                new ValidationFinding(FindingCodes.NoStart, "The workflow has no start.", "$.activities"),
                new ValidationFinding(FindingCodes.MissingSetting, "Node 'decision' needs setting 'condition'.", "$.activities[1].settings.condition", "decision"),
            ])
            .Add(x => x.OnSelectNode, id => selected = id));

        Assert.Equal("2 problem(s)", list.Find("h2").TextContent);
        Assert.Empty(list.FindAll("li[data-code=no-start] button"));
        list.Find("li[data-code=missing-setting] button").Click();

        Assert.Equal("decision", selected);
    }
}
