using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Tests.Validation;

public sealed class DefinitionValidatorSettingTests
{
    private readonly DefinitionValidator _validator = new(TestCatalog.Create());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_RequiredSettingAbsentOrNull_ReportsMissingSetting(bool explicitNull)
    {
        // Arrange
        var definition = SampleDefinition.Create();
        var settings = definition.Settings(SampleDefinition.Await);
        if (explicitNull) settings["eventName"] = null;
        else settings.Remove("eventName");

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.MissingSetting, finding.Code);
        Assert.Equal("await", finding.NodeId);
        Assert.Equal("$.activities[9].settings.eventName", finding.Path);
    }

    [Fact]
    public void Validate_SettingsWithDefaultsAbsent_ReportsNothing()
    {
        // Arrange: mode, level and actions all have defaults
        var definition = SampleDefinition.Create();
        definition.Settings(SampleDefinition.Route).Remove("mode");
        definition.Settings(SampleDefinition.Merge).Remove("mode");
        definition.Settings(SampleDefinition.Announce).Remove("level");

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData(SampleDefinition.Announce, "message", "42")]
    [InlineData(SampleDefinition.Decide, "condition", "\"yes\"")]
    [InlineData(SampleDefinition.Pause, "duration", "\"an hour\"")]
    [InlineData(SampleDefinition.Pause, "duration", "3600")]
    [InlineData(SampleDefinition.Pause, "until", "\"2025-03-01T09:00:00\"")]
    [InlineData(SampleDefinition.Pause, "until", "\"2025-02-30T09:00:00Z\"")]
    [InlineData(SampleDefinition.Merge, "mode", "\"some\"")]
    [InlineData(SampleDefinition.Split, "branches", "[\"mail\", 2]")]
    [InlineData(SampleDefinition.Split, "branches", "\"mail\"")]
    [InlineData(SampleDefinition.Route, "cases", "[\"urgent\"]")]
    [InlineData(SampleDefinition.Remember, "variable", "{\"js\": \"'outcome'\"}")]
    public void Validate_LiteralOfWrongType_ReportsMistypedSetting(int activity, string setting, string json)
    {
        // Arrange
        var definition = SampleDefinition.Create();
        definition.Settings(activity)[setting] = JsonNode.Parse(json);

        // Act
        var findings = _validator.Validate(definition)
            .Where(f => f.Code != FindingCodes.UnknownOutcome); // changing outcome lists may orphan connections

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.MistypedSetting, finding.Code);
        Assert.Equal(definition.Activities[activity].Id, finding.NodeId);
        Assert.Equal($"$.activities[{activity}].settings.{setting}", finding.Path);
    }

    [Theory]
    [InlineData(SampleDefinition.Pause, "duration", "\"P1DT2H30M\"")]
    [InlineData(SampleDefinition.Pause, "duration", "\"1.02:30:00\"")]
    [InlineData(SampleDefinition.Pause, "until", "\"2025-03-01T09:00:00+01:00\"")]
    [InlineData(SampleDefinition.Pause, "until", "\"2025-03-01T08:00:00.250Z\"")]
    [InlineData(SampleDefinition.Remember, "value", "[1, {\"a\": null}]")]
    [InlineData(SampleDefinition.Announce, "level", "\"warning\"")]
    [InlineData(SampleDefinition.Decide, "condition", "false")]
    public void Validate_LiteralOfRightType_ReportsNothing(int activity, string setting, string json)
    {
        // Arrange
        var definition = SampleDefinition.Create();
        definition.Settings(activity)[setting] = JsonNode.Parse(json);

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("3", true)]
    [InlineData("3.0", true)]
    [InlineData("-12", true)]
    [InlineData("3.5", false)]
    [InlineData("\"3\"", false)]
    public void Accepts_IntegerSetting_AcceptsOnlyWholeNumbers(string json, bool expected)
    {
        // Arrange
        var setting = new SettingDescriptor { Name = "rounds", Type = SettingType.Integer };

        // Act
        var accepted = SettingTypeCheck.Accepts(setting, JsonNode.Parse(json)!);

        // Assert
        Assert.Equal(expected, accepted);
    }

    [Fact]
    public void Validate_SettingNotInDescriptor_ReportsUnknownSetting()
    {
        // Arrange
        var definition = SampleDefinition.Create();
        definition.Settings(SampleDefinition.Merge)["timeout"] = "PT1H";

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.UnknownSetting, finding.Code);
        Assert.Equal("merge", finding.NodeId);
        Assert.Equal("$.activities[6].settings.timeout", finding.Path);
    }

    [Fact]
    public void Validate_ScriptThatDoesNotParse_ReportsScriptSyntaxWithPosition()
    {
        // Arrange
        var definition = SampleDefinition.Create();
        definition.Settings(SampleDefinition.Decide)["condition"] = SettingValue.JavaScript("input.urgent &&\n  (vars.strict");

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.ScriptSyntax, finding.Code);
        Assert.Equal("decide", finding.NodeId);
        Assert.Equal("$.activities[1].settings.condition", finding.Path);
        Assert.Contains("line 2", finding.Message);
    }

    [Fact]
    public void Validate_TemplateThatDoesNotParse_ReportsTemplateSyntax()
    {
        // Arrange
        var definition = SampleDefinition.Create();
        definition.Settings(SampleDefinition.Announce)["message"] = SettingValue.Liquid("Adopted {% if input.title %}");

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.TemplateSyntax, finding.Code);
        Assert.Equal("announce", finding.NodeId);
        Assert.Equal("$.activities[3].settings.message", finding.Path);
        Assert.Contains("endif", finding.Message);
        Assert.DoesNotContain("Source:", finding.Message);
    }

    [Fact]
    public void Validate_BrokenScriptInsideObjectListItem_ReportsNestedPath()
    {
        // Arrange
        var definition = SampleDefinition.Create();
        definition.Settings(SampleDefinition.Route)["cases"] = new JsonArray(
            new JsonObject { ["name"] = "urgent", ["condition"] = SettingValue.JavaScript("input.priority > 2") },
            new JsonObject { ["name"] = "late", ["condition"] = SettingValue.JavaScript("input.priority >") });

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(FindingCodes.ScriptSyntax, finding.Code);
        Assert.Equal("route", finding.NodeId);
        Assert.Equal("$.activities[4].settings.cases[1].condition", finding.Path);
    }

    [Fact]
    public void Validate_BrokenScriptOnUnknownType_ReportsBoth()
    {
        // Arrange
        var sample = SampleDefinition.Create();
        var definition = sample with
        {
            Activities =
            [
                .. sample.Activities.Select(a => a.Id == "done"
                    ? a with { Type = "custom.notify", Settings = new() { ["to"] = SettingValue.JavaScript("input.") } }
                    : a),
            ],
        };

        // Act
        var findings = _validator.Validate(definition);

        // Assert
        Assert.Equal([FindingCodes.UnknownActivityType, FindingCodes.ScriptSyntax], findings.Select(f => f.Code));
        Assert.Equal("$.activities[10].settings.to", findings[1].Path);
    }
}
