using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Model;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Definitions.Tests.Elsa;

public sealed class ElsaExporterTests
{
    private readonly ElsaExporter _exporter = new();

    private static JsonNode Activity(JsonNode workflow, string id) =>
        workflow["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public void Export_ImportedLoop_WritesElsaExpressionsVariablesAndPorts()
    {
        // Arrange
        var definition = new ElsaImporter().Import(ElsaSamples.Read(ElsaSamples.ImplicitLoop)).Definition!;

        // Act
        var workflow = JsonNode.Parse(_exporter.Export(definition).Json)!;

        // Assert
        Assert.Equal("Elsa.Flowchart", workflow["root"]!["type"]!.GetValue<string>());
        var decision = Activity(workflow, "FlowDecision1");
        Assert.Equal("Elsa.FlowDecision", decision["type"]!.GetValue<string>());
        Assert.Equal("JavaScript", decision["condition"]!["expression"]!["type"]!.GetValue<string>());
        Assert.Equal("getCounter() > 1", decision["condition"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("Counter > 1", decision["metadata"]!["displayText"]!.GetValue<string>());
        Assert.Equal(2940, decision["metadata"]!["designer"]!["position"]!["x"]!.GetValue<double>());

        var set = Activity(workflow, "SetVariable1");
        Assert.Equal("Counter", set["variable"]!["id"]!.GetValue<string>());
        var variable = workflow["variables"]![0]!;
        Assert.Equal(("Counter", "Int32", "0"),
            (variable["id"]!.GetValue<string>(), variable["typeName"]!.GetValue<string>(), variable["value"]!.GetValue<string>()));

        var truePath = workflow["root"]!["connections"]!.AsArray()
            .Single(c => c!["target"]!["activity"]!.GetValue<string>() == "WriteLine3")!;
        Assert.Equal(("FlowDecision1", "True", "In"),
            (truePath["source"]!["activity"]!.GetValue<string>(), truePath["source"]!["port"]!.GetValue<string>(), truePath["target"]!["port"]!.GetValue<string>()));
    }

    [Fact]
    public void Export_DelayJoinAndFork_WriteElsaLiteralForms()
    {
        // Arrange
        var definition = new WorkflowDefinition
        {
            Id = "forms",
            Name = "Forms",
            Activities =
            [
                new ActivityNode { Id = "wait", Type = ControlActivityTypes.Delay, Settings = new JsonObject { ["duration"] = "PT1H30M" } },
                new ActivityNode { Id = "join", Type = ControlActivityTypes.Join, Settings = new JsonObject { ["mode"] = "any" } },
                new ActivityNode { Id = "fork", Type = ControlActivityTypes.Fork, Settings = new JsonObject { ["branches"] = new JsonArray("A", "B") } },
            ],
        };

        // Act
        var result = _exporter.Export(definition);
        var workflow = JsonNode.Parse(result.Json)!;

        // Assert
        Assert.Empty(result.Findings);
        var wait = Activity(workflow, "wait");
        Assert.Equal("Elsa.Delay", wait["type"]!.GetValue<string>());
        Assert.Equal("01:30:00", wait["timeSpan"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("WaitAny", Activity(workflow, "join")["mode"]!["expression"]!["value"]!.GetValue<string>());
        var branches = Activity(workflow, "fork")["branches"]!;
        Assert.Equal(("String[]", "Object", "[\"A\",\"B\"]"),
            (branches["typeName"]!.GetValue<string>(), branches["expression"]!["type"]!.GetValue<string>(), branches["expression"]!["value"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"true\"")]
    public void Export_BooleanLiterals_WriteElsaBooleanInputs(string literal)
    {
        // Arrange: a decision's condition and a Boolean variable's value, as JSON true or as the text "true".
        var definition = new WorkflowDefinition
        {
            Id = "flags",
            Name = "Flags",
            Variables = [new VariableDeclaration { Name = "adopted", Type = ValueType.Boolean }],
            Activities =
            [
                new ActivityNode { Id = "decide", Type = ControlActivityTypes.Decision, Settings = new JsonObject { ["condition"] = JsonNode.Parse(literal) } },
                new ActivityNode { Id = "set", Type = ControlActivityTypes.SetVariable,
                    Settings = new JsonObject { ["variable"] = "adopted", ["value"] = JsonNode.Parse(literal) } },
            ],
        };

        // Act
        var workflow = JsonNode.Parse(_exporter.Export(definition).Json)!;

        // Assert: Elsa writes a Boolean literal as a JSON boolean.
        foreach (var input in new[] { Activity(workflow, "decide")["condition"]!, Activity(workflow, "set")["value"]! })
        {
            Assert.Equal("Boolean", input["typeName"]!.GetValue<string>());
            Assert.Equal(("Literal", JsonValueKind.True), (input["expression"]!["type"]!.GetValue<string>(), input["expression"]!["value"]!.GetValueKind()));
        }
    }

    [Fact]
    public void Export_SettingWithoutElsaInput_ReportsIt()
    {
        // Arrange
        var definition = new WorkflowDefinition
        {
            Id = "extra",
            Name = "Extra",
            Variables = [new VariableDeclaration { Name = "n", Type = ValueType.Integer }],
            Activities = [new ActivityNode { Id = "log", Type = ControlActivityTypes.Log, Settings = new JsonObject { ["message"] = "hi", ["level"] = "warn" } }],
        };

        // Act
        var result = _exporter.Export(definition);

        // Assert
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ElsaFindingCodes.InputDropped, finding.Code);
        Assert.Equal("$.activities[0].settings.level", finding.Path);
    }
}
