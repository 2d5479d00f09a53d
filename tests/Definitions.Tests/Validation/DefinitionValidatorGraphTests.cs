using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Tests.Validation;

public sealed class DefinitionValidatorGraphTests
{
    private readonly DefinitionValidator _validator = new(TestCatalog.Create());

    [Fact]
    public void Validate_ValidDefinition_ReturnsNoFindings()
    {
        // Arrange
        var definition = SampleDefinition.Create();

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Validate_DuplicateNodeId_ReportsSecondOccurrence()
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with
        {
            Activities = [.. sample.Activities, new ActivityNode { Id = "merge", Type = ControlActivityTypes.End }],
        };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.DuplicateNodeId, finding.Code);
        Assert.Equal("merge", finding.NodeId);
        Assert.Equal("$.activities[11].id", finding.Path);
    }

    [Fact]
    public void Validate_UnknownActivityType_ReportsTypePath()
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with
        {
            Activities = [.. sample.Activities.Select(a => a.Id == "done" ? a with { Type = "control.finish" } : a)],
        };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.UnknownActivityType, finding.Code);
        Assert.Equal("done", finding.NodeId);
        Assert.Equal("$.activities[10].type", finding.Path);
        Assert.Contains("control.finish", finding.Message);
    }

    [Theory]
    [InlineData("ghost", "decide", "$.connections[14].from")]
    [InlineData("start", "ghost", "$.connections[14].to")]
    public void Validate_ConnectionToMissingNode_ReportsUnknownNode(string from, string to, string expectedPath)
    {
        // Arrange
        var definition = WithConnection(new Connection(from, Outcomes.Done, to));

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.UnknownNode, finding.Code);
        Assert.Null(finding.NodeId);
        Assert.Equal(expectedPath, finding.Path);
        Assert.Contains("ghost", finding.Message);
    }

    [Fact]
    public void Validate_OutcomeSourceDoesNotHave_ReportsUnknownOutcome()
    {
        // Arrange
        var definition = WithConnection(new Connection("decide", "Maybe", "done"));

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.UnknownOutcome, finding.Code);
        Assert.Equal("decide", finding.NodeId);
        Assert.Equal("$.connections[14].outcome", finding.Path);
        Assert.Contains("'False', 'True'", finding.Message);
    }

    [Theory]
    [InlineData("split", "press")] // not among the fork's branches
    [InlineData("route", "calm")] // not the name of a switch case
    [InlineData("review", "Complete")] // the default actions are replaced by the node's own
    public void Validate_OutcomeNotInOutcomesSetting_ReportsUnknownOutcome(string from, string outcome)
    {
        // Arrange
        var definition = WithConnection(new Connection(from, outcome, "done"));

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.UnknownOutcome, finding.Code);
        Assert.Equal(from, finding.NodeId);
    }

    [Fact]
    public void Validate_OutcomesSettingAbsent_UsesItsDefault()
    {
        // Arrange
        var definition = SampleDefinition.Create();
        definition.Settings(SampleDefinition.Review).Remove("actions");
        definition = definition with
        {
            Connections = [.. definition.Connections.Where(c => c.From != "review"), new("review", "Complete", "announce")],
        };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Validate_OutcomesSettingIsExpression_AcceptsAnyOutcome()
    {
        // Arrange
        var definition = WithConnection(new Connection("split", "anything", "done"));
        definition.Settings(SampleDefinition.Split)["branches"] = SettingValue.JavaScript("input.channels");

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Validate_NoStartNode_ReportsNoStartOnActivities()
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with
        {
            Activities = [.. sample.Activities.Skip(1)],
            Connections = [.. sample.Connections.Skip(1)],
        };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.NoStart, finding.Code);
        Assert.Null(finding.NodeId);
        Assert.Equal("$.activities", finding.Path);
    }

    [Fact]
    public void Validate_NodeWithoutPathFromStart_ReportsUnreachableNode()
    {
        // Arrange: "pause" is the only way into "remember" and "await"
        var sample = SampleDefinition.Create();
        var definition = sample with { Connections = [.. sample.Connections.Where(c => c.From != "route" || c.To != "pause")] };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.All(findings, f => Assert.Equal(FindingCodes.UnreachableNode, f.Code));
        Assert.Equal(["pause", "remember", "await"], findings.Select(f => f.NodeId));
        Assert.Equal(["$.activities[7]", "$.activities[8]", "$.activities[9]"], findings.Select(f => f.Path));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneTogether()
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with
        {
            Inputs = [.. sample.Inputs, new InputDeclaration { Name = "2nd" }],
            Activities = [.. sample.Activities, new ActivityNode { Id = "orphan", Type = "control.mystery" }],
            Connections = [.. sample.Connections, new("decide", "Maybe", "nowhere")],
        };
        definition.Settings(SampleDefinition.Decide)["condition"] = SettingValue.JavaScript("input.urgent ===");
        definition.Settings(SampleDefinition.Announce)["message"] = SettingValue.Liquid("{% if %}");
        definition.Settings(SampleDefinition.Pause)["duration"] = "an hour";
        definition.Settings(SampleDefinition.Merge)["colour"] = "red";
        definition.Settings(SampleDefinition.Await).Remove("eventName");

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Equal(
            [
                FindingCodes.InvalidInput, FindingCodes.ScriptSyntax, FindingCodes.TemplateSyntax, FindingCodes.UnknownSetting,
                FindingCodes.MistypedSetting, FindingCodes.MissingSetting, FindingCodes.UnknownActivityType,
                FindingCodes.UnknownNode, FindingCodes.UnknownOutcome, FindingCodes.UnreachableNode,
            ],
            findings.Select(f => f.Code));
    }

    private static WorkflowDefinition WithConnection(Connection connection)
    {
        var sample = SampleDefinition.Create();
        return sample with { Connections = [.. sample.Connections, connection] };
    }
}
