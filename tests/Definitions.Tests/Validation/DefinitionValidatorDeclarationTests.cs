using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Tests.Validation;

public sealed class DefinitionValidatorDeclarationTests
{
    private readonly DefinitionValidator _validator = new(TestCatalog.Create());

    [Theory]
    [InlineData("due-date")]
    [InlineData("2nd")]
    [InlineData("class")]
    [InlineData("")]
    public void Validate_InputNameNotIdentifier_ReportsInvalidInput(string name)
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with { Inputs = [.. sample.Inputs, new InputDeclaration { Name = name }] };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.InvalidInput, finding.Code);
        Assert.Null(finding.NodeId);
        Assert.Equal("$.inputs[3].name", finding.Path);
    }

    [Fact]
    public void Validate_InputDeclaredTwice_ReportsSecondDeclaration()
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with { Inputs = [.. sample.Inputs, new InputDeclaration { Name = "title" }] };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.InvalidInput, finding.Code);
        Assert.Equal("$.inputs[3].name", finding.Path);
        Assert.Contains("more than once", finding.Message);
    }

    [Fact]
    public void Validate_VariableNamesInvalidAndRepeated_ReportsEach()
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with
        {
            Variables = [.. sample.Variables, new VariableDeclaration { Name = "strict" }, new VariableDeclaration { Name = "my var" }],
        };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.All(findings, f => Assert.Equal(FindingCodes.InvalidInput, f.Code));
        Assert.Equal(["$.variables[2].name", "$.variables[3].name"], findings.Select(f => f.Path));
    }

    [Fact]
    public void Validate_InputAndVariableShareName_ReportsNothing()
    {
        // Arrange: scripts read them apart, as input.title and vars.title
        var sample = SampleDefinition.Create();
        var definition = sample with { Variables = [.. sample.Variables, new VariableDeclaration { Name = "title" }] };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Empty(findings);
    }
}
