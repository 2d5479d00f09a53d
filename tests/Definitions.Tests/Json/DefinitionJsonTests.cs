using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Tests.Json;

public sealed class DefinitionJsonTests
{
    private const string Minimal = """
        {
          "id": "minimal",
          "name": "Minimal",
          "activities": [
            { "id": "start", "type": "control.start" },
            { "id": "end", "type": "control.end", "settings": { "note": { "js": "1 + 1" } }, "position": { "x": 10, "y": 20.5 } }
          ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "end" } ]
        }
        """;

    [Fact]
    public void Write_ThenRead_GivesSameJson()
    {
        // Arrange
        var json = DefinitionJson.Write(SampleDefinition.Create());

        // Act
        var read = DefinitionJson.Read(json);

        // Assert
        Assert.True(read.Succeeded, string.Join("; ", read.Findings.Select(f => $"{f.Path}: {f.Message}")));
        Assert.Equal(json, DefinitionJson.Write(read.Definition));
    }

    [Fact]
    public void Write_Definition_UsesCamelCaseEnumsAndOmitsNullsAndDerivedNames()
    {
        // Arrange
        var definition = SampleDefinition.Create() with { Description = null };

        // Act
        var json = DefinitionJson.Write(definition);

        // Assert
        Assert.Contains("\"type\": \"boolean\"", json);
        Assert.Contains("\"settings\": {", json);
        Assert.Contains("\"js\": \"input.urgent === true\"", json);
        Assert.DoesNotContain("description", json);
        Assert.DoesNotContain("displayName", json);
        Assert.DoesNotContain("\"label\": null", json);
        Assert.StartsWith("{\n  \"id\": \"sample-review\"", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_MinimalDefinition_FillsModel()
    {
        // Act
        var read = DefinitionJson.Read(Minimal);

        // Assert
        Assert.True(read.Succeeded);
        Assert.Empty(read.Findings);
        Assert.Equal("minimal", read.Definition.Id);
        Assert.Equal(0, read.Definition.Version);
        Assert.Equal([new Connection("start", "Done", "end")], read.Definition.Connections);
        var end = read.Definition.Activities[1];
        Assert.Equal(new Position(10, 20.5), end.Position);
        Assert.Equal(SettingKind.JavaScript, SettingValue.Read(end.Settings["note"]).Kind);
        Assert.Empty(read.Definition.Inputs);
    }

    [Fact]
    public void Read_LeadingByteOrderMark_IsAccepted()
    {
        // Act
        var read = DefinitionJson.Read("\uFEFF" + Minimal);

        // Assert
        Assert.True(read.Succeeded);
        Assert.Equal("Minimal", read.Definition.Name);
    }

    [Fact]
    public void Read_MalformedJson_ReportsMalformedJsonWithLine()
    {
        // Arrange: the comma after the first activity is missing
        var json = Minimal.Replace("\"control.start\" },", "\"control.start\" }");

        // Act
        var read = DefinitionJson.Read(json);

        // Assert
        Assert.False(read.Succeeded);
        Assert.Null(read.Definition);
        var finding = Assert.Single(read.Findings);
        Assert.Equal(FindingCodes.MalformedJson, finding.Code);
        Assert.Contains("line 6", finding.Message); // where the parser meets the next activity
        Assert.Equal("$.activities[0]", finding.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"id\": \"x\", ")]
    public void Read_TruncatedText_ReportsMalformedJson(string json)
    {
        // Act
        var read = DefinitionJson.Read(json);

        // Assert
        Assert.Equal(FindingCodes.MalformedJson, Assert.Single(read.Findings).Code);
    }

    [Fact]
    public void Read_BadNodeId_ReportsSchemaViolationAtInstanceLocation()
    {
        // Arrange
        var json = Minimal.Replace("\"id\": \"end\"", "\"id\": \"-end step\"");

        // Act
        var read = DefinitionJson.Read(json);

        // Assert
        var finding = Assert.Single(read.Findings);
        Assert.Equal(FindingCodes.SchemaViolation, finding.Code);
        Assert.Equal("$.activities[1].id", finding.Path);
    }

    [Fact]
    public void Read_SeveralViolations_ReportsEachWithItsPath()
    {
        // Arrange
        var json = """
            {
              "id": "bad id",
              "version": -1,
              "name": "Bad",
              "colour": "red",
              "inputs": [ { "name": "title", "type": "sentence" } ],
              "activities": [ { "id": "start", "type": "control.start", "position": { "x": "left", "y": 0 } } ],
              "connections": [ { "from": "start", "to": "end" } ]
            }
            """;

        // Act
        var read = DefinitionJson.Read(json);

        // Assert
        Assert.False(read.Succeeded);
        Assert.All(read.Findings, f => Assert.Equal(FindingCodes.SchemaViolation, f.Code));
        var paths = read.Findings.Select(f => f.Path).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "$.id", "$.version", "$.colour", "$.inputs[0].type", "$.activities[0].position.x", "$.connections[0]",
            },
            paths);
    }

    [Fact]
    public void Read_UnknownProperty_NamesIt()
    {
        // Act
        var read = DefinitionJson.Read(Minimal.Replace("\"type\": \"control.start\"", "\"type\": \"control.start\", \"colour\": 1"));

        // Assert
        var finding = Assert.Single(read.Findings);
        Assert.Equal("$.activities[0].colour", finding.Path);
        Assert.Contains("'colour'", finding.Message);
    }

    [Fact]
    public void Read_MissingRequiredProperties_ReportsThemAtTheObject()
    {
        // Act
        var read = DefinitionJson.Read("""{ "activities": [ { "type": "control.start" } ] }""");

        // Assert
        Assert.Contains(read.Findings, f => f.Path == "$" && f.Message.Contains("name"));
        Assert.Contains(read.Findings, f => f.Path == "$.activities[0]" && f.Message.Contains("id"));
    }

    [Fact]
    public void Read_NotAnObject_ReportsSchemaViolationAtRoot()
    {
        // Act
        var read = DefinitionJson.Read("[1, 2]");

        // Assert
        var finding = Assert.Single(read.Findings);
        Assert.Equal(FindingCodes.SchemaViolation, finding.Code);
        Assert.Equal("$", finding.Path);
    }
}
