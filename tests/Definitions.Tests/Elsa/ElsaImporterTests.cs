using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using static FocWorkflows.Definitions.Tests.Elsa.DefinitionAssert;

namespace FocWorkflows.Definitions.Tests.Elsa;

public sealed class ElsaImporterTests
{
    private readonly ElsaImporter _importer = new();

    /// <summary>A minimal Elsa export around the given activities.</summary>
    private static string Workflow(string activities, string definitionId = "wf-1", string connections = "") => $$"""
        {
          "definitionId": "{{definitionId}}", "name": "Test", "version": 1,
          "variables": [ { "id": "v1", "name": "Count", "typeName": "Int32", "value": "3" } ],
          "root": { "type": "Elsa.Flowchart", "id": "F1", "activities": [ {{activities}} ], "connections": [ {{connections}} ] }
        }
        """;

    private static string Input(string typeName, string type, string value) =>
        $$"""{ "typeName": "{{typeName}}", "expression": { "type": "{{type}}", "value": {{value}} } }""";

    [Fact]
    public void Import_UnknownElsaType_KeepsNodeRawAndReportsIt()
    {
        // Arrange
        var json = Workflow("""
            { "id": "a", "type": "Elsa.Start" },
            { "id": "mail", "type": "Elsa.SendEmail", "version": 1, "subject": { "typeName": "String", "expression": { "type": "Literal", "value": "Hi" } },
              "metadata": { "designer": { "position": { "x": 10, "y": 20 } }, "displayText": "Tell them" } }
            """);

        // Act
        var result = _importer.Import(json);

        // Assert
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingCodes.UnmappedElsaType, finding.Code);
        Assert.Equal("mail", finding.NodeId);
        Assert.Equal("$.root.activities[1]", finding.Path);
        var node = result.Definition!.FindNode("mail")!;
        Assert.Equal("elsa:Elsa.SendEmail", node.Type);
        Assert.Equal("Tell them", node.Name);
        Assert.Equal(new Position(10, 20), node.Position);
        AssertJson(JsonNode.Parse("""{ "typeName": "String", "expression": { "type": "Literal", "value": "Hi" } }"""), node.Settings["subject"], "subject");
        AssertJson(JsonValue.Create(1), node.Settings["version"], "version");
    }

    [Theory]
    [InlineData("{ \"root\": ")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Import_MalformedJson_ReportsMalformedJsonAndNoDefinition(string json)
    {
        // Act
        var result = _importer.Import(json);

        // Assert
        Assert.Null(result.Definition);
        Assert.Equal(FindingCodes.MalformedJson, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Import_ObjectWithoutRoot_ReportsSchemaViolation()
    {
        // Act
        var result = _importer.Import("""{ "name": "no root" }""");

        // Assert
        Assert.Null(result.Definition);
        Assert.Equal(FindingCodes.SchemaViolation, Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("My Approval Flow", "my-approval-flow")]
    [InlineData("OrderApproval!", "order-approval")]
    [InlineData("already-fine_1.2", "already-fine_1.2")]
    public void Import_DefinitionId_IsKebabCasedOnlyWhenNeeded(string elsaId, string expected)
    {
        // Act
        var result = _importer.Import(Workflow("", elsaId));

        // Assert
        Assert.Equal(expected, result.Definition!.Id);
    }

    [Fact]
    public void Import_DelayEventAndSwitch_MapToNativeSettings()
    {
        // Arrange
        var json = Workflow($$"""
            { "id": "wait", "type": "Elsa.Delay", "timeSpan": {{Input("TimeSpan", "Literal", "\"01:00:00\"")}} },
            { "id": "ev", "type": "Elsa.Event", "eventName": {{Input("String", "Literal", "\"MinutesApproved\"")}} },
            { "id": "sw", "type": "Elsa.FlowSwitch", "mode": {{Input("Object", "Literal", "\"MatchFirst\"")}},
              "cases": [ { "label": "Big", "condition": { "type": "JavaScript", "value": "getCount() > 10" } },
                         { "label": "Always", "condition": { "type": "Literal", "value": "true" } } ] },
            { "id": "end", "type": "Elsa.End" },
            { "id": "begin", "type": "Elsa.Start" }
            """);

        // Act
        var result = _importer.Import(json);

        // Assert
        Assert.Empty(result.Findings);
        var definition = result.Definition!;
        Assert.Equal(ControlActivityTypes.Delay, definition.FindNode("wait")!.Type);
        AssertJson(JsonValue.Create("PT1H"), definition.FindNode("wait")!.Settings["duration"], "duration");
        Assert.Equal(ControlActivityTypes.WaitForEvent, definition.FindNode("ev")!.Type);
        AssertJson(JsonValue.Create("MinutesApproved"), definition.FindNode("ev")!.Settings["eventName"], "eventName");
        Assert.Equal(ControlActivityTypes.Switch, definition.FindNode("sw")!.Type);
        AssertJson(
            JsonNode.Parse("""[ { "name": "Big", "condition": { "js": "getCount() > 10" } }, { "name": "Always", "condition": true } ]"""),
            definition.FindNode("sw")!.Settings["cases"], "cases");
        Assert.Equal(ControlActivityTypes.End, definition.FindNode("end")!.Type);
    }

    [Fact]
    public void Import_LiquidVariableAndLiteralExpressions_BecomeNativeSettingForms()
    {
        // Arrange
        var json = Workflow($$"""
            { "id": "log", "type": "Elsa.WriteLine", "text": {{Input("String", "Liquid", "\"Count is {{ Variables.Count }}\"")}} },
            { "id": "set", "type": "Elsa.SetVariable", "variable": { "id": "v1" }, "value": {{Input("Object", "Variable", "{ \"id\": \"v1\" }")}} },
            { "id": "check", "type": "Elsa.FlowDecision", "condition": {{Input("Boolean", "Literal", "\"false\"")}} }
            """);

        // Act
        var definition = _importer.Import(json).Definition!;

        // Assert
        AssertJson(SettingValue.Liquid("Count is {{ Variables.Count }}"), definition.FindNode("log")!.Settings["message"], "message");
        AssertJson(JsonValue.Create("Count"), definition.FindNode("set")!.Settings["variable"], "variable");
        AssertJson(SettingValue.JavaScript("getVariable('Count')"), definition.FindNode("set")!.Settings["value"], "value");
        AssertJson(JsonValue.Create(false), definition.FindNode("check")!.Settings["condition"], "condition");
        AssertJson(JsonValue.Create(3), Assert.Single(definition.Variables).Default, "Count default");
    }

    [Theory]
    [InlineData("\"text\": null,")]
    [InlineData("\"text\": { \"typeName\": \"String\", \"expression\": { \"type\": \"Literal\", \"value\": null } },")]
    [InlineData("")]
    public void Import_WriteLineWithoutText_LogsAnEmptyLineAndValidates(string text)
    {
        // Arrange: Elsa writes an empty line when the text is null or missing.
        var json = Workflow($$"""{ "id": "log", "type": "Elsa.WriteLine", {{text}} "version": 1 }, { "id": "begin", "type": "Elsa.Start" }""",
            connections: """{ "source": "begin", "target": "log", "sourcePort": "Done" }""");

        // Act
        var result = _importer.Import(json);

        // Assert
        Assert.Empty(result.Findings);
        AssertJson(JsonValue.Create(""), result.Definition!.FindNode("log")!.Settings["message"], "message");
        Assert.Empty(new DefinitionValidator(TestCatalog.Create()).Validate(result.Definition!));
    }

    [Fact]
    public void Import_CSharpExpression_KeepsInputRawAndReportsIt()
    {
        // Arrange
        var json = Workflow($$"""{ "id": "log", "type": "Elsa.WriteLine", "text": {{Input("String", "CSharp", "\"$\\\"n={n}\\\"\"")}} }, { "id": "begin", "type": "Elsa.Start" }""");

        // Act
        var result = _importer.Import(json);

        // Assert
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ElsaFindingCodes.UnmappedExpression, finding.Code);
        Assert.Equal("$.root.activities[0].text", finding.Path);
        Assert.Equal("CSharp", result.Definition!.FindNode("log")!.Settings["message"]!["expression"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Import_InputWithoutNativeSetting_ReportsItDropped()
    {
        // Arrange
        var json = Workflow($$"""{ "id": "sw", "type": "Elsa.FlowSwitch", "cases": [], "mode": {{Input("Object", "Literal", "\"MatchAny\"")}} }, { "id": "begin", "type": "Elsa.Start" }""");

        // Act
        var result = _importer.Import(json);

        // Assert
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ElsaFindingCodes.InputDropped, finding.Code);
        Assert.Equal("$.root.activities[0].mode", finding.Path);
        Assert.False(result.Definition!.FindNode("sw")!.Settings.ContainsKey("mode"));
    }

    [Fact]
    public void Import_BareFlowchartWithOldConnectionWithoutPort_DefaultsToDone()
    {
        // Arrange
        var json = """
            { "type": "Elsa.Flowchart", "id": "Flowchart1",
              "activities": [ { "id": "a", "type": "Elsa.Start" }, { "id": "b", "type": "Elsa.End" } ],
              "connections": [ { "source": "a", "target": "b" } ] }
            """;

        // Act
        var result = _importer.Import(json);

        // Assert
        Assert.Empty(result.Findings);
        Assert.Equal([new Connection("a", Outcomes.Done, "b")], result.Definition!.Connections);
    }
}
