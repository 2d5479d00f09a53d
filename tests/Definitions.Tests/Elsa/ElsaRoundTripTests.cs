using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Definitions.Tests.Elsa;

public sealed class ElsaRoundTripTests
{
    private readonly ElsaImporter _importer = new();
    private readonly ElsaExporter _exporter = new();

    [Theory]
    [MemberData(nameof(ElsaSamples.Names), MemberType = typeof(ElsaSamples))]
    public void ExportThenImport_ImportedSample_GivesSameDefinition(string sample)
    {
        // Arrange
        var original = _importer.Import(ElsaSamples.Read(sample)).Definition!;

        // Act
        var exported = _exporter.Export(original);
        var reimported = _importer.Import(exported.Json);

        // Assert
        Assert.Empty(exported.Findings);
        // The start added on the first import is left out on export, so the second import adds it again.
        Assert.All(reimported.Findings, f => Assert.Equal(ElsaFindingCodes.StartAdded, f.Code));
        DefinitionAssert.Same(original, reimported.Definition!);
    }

    [Fact]
    public void ExportThenImport_EveryControlTypeVariablesAndInputs_GivesSameDefinition()
    {
        // Arrange
        var original = new WorkflowDefinition
        {
            Id = "joint-statement",
            Name = "Joint statement",
            Description = "Drafts and adopts a joint statement.",
            Version = 3,
            Inputs =
            [
                new InputDeclaration { Name = "topic", Label = "Topic", Help = "What the statement is about", Default = "Internet shutdowns" },
                new InputDeclaration { Name = "deadline", Type = ValueType.Duration, Default = "P14D" },
            ],
            Variables =
            [
                new VariableDeclaration { Name = "round", Type = ValueType.Integer, Default = 1 },
                new VariableDeclaration { Name = "adopted", Type = ValueType.Boolean, Default = false },
                new VariableDeclaration { Name = "signatories", Type = ValueType.StringList, Default = new JsonArray("CA", "NL") },
                new VariableDeclaration { Name = "extra", Type = ValueType.Json, Default = new JsonObject { ["a"] = 1 } },
            ],
            Activities =
            [
                Node("start", ControlActivityTypes.Start, new JsonObject(), "Start"),
                Node("log", ControlActivityTypes.Log, new JsonObject { ["message"] = SettingValue.Liquid("Round {{ Variables.round }}") }, "Say round"),
                Node("set", ControlActivityTypes.SetVariable, new JsonObject { ["variable"] = "round", ["value"] = 2.5 }),
                Node("decide", ControlActivityTypes.Decision, new JsonObject { ["condition"] = true }),
                Node("switch", ControlActivityTypes.Switch, new JsonObject
                {
                    ["cases"] = new JsonArray(
                        new JsonObject { ["name"] = "Many", ["condition"] = SettingValue.JavaScript("getVariable('round') > 2") },
                        new JsonObject { ["name"] = "Never", ["condition"] = false }),
                }),
                Node("fork", ControlActivityTypes.Fork, new JsonObject { ["branches"] = new JsonArray("Left", "Right") }),
                Node("join", ControlActivityTypes.Join, new JsonObject { ["mode"] = "any" }),
                Node("wait", ControlActivityTypes.Delay, new JsonObject { ["duration"] = "P1DT2H" }),
                Node("event", ControlActivityTypes.WaitForEvent, new JsonObject { ["eventName"] = SettingValue.JavaScript("getInput('topic')") }),
                Node("end", ControlActivityTypes.End, new JsonObject()),
            ],
            Connections =
            [
                new Connection("start", Outcomes.Done, "log"),
                new Connection("decide", Outcomes.False, "switch"),
                new Connection("switch", "Many", "fork"),
                new Connection("switch", Outcomes.Default, "end"),
                new Connection("fork", "Left", "join"),
            ],
        };

        // Act
        var exported = _exporter.Export(original);
        var reimported = _importer.Import(exported.Json);

        // Assert
        Assert.Empty(exported.Findings);
        Assert.Empty(reimported.Findings);
        DefinitionAssert.Same(original, reimported.Definition!);
    }

    [Fact]
    public void Export_NativeOnlyType_ReportsFindingAndStillRoundTrips()
    {
        // Arrange
        var original = new WorkflowDefinition
        {
            Id = "review",
            Name = "Review",
            Activities =
            [
                Node("begin", ControlActivityTypes.Start, new JsonObject(), "Start"),
                Node("task", ControlActivityTypes.HumanTask, new JsonObject
                {
                    ["title"] = "Review the draft",
                    ["actions"] = new JsonArray("Approve", "Reject"),
                    ["assignee"] = SettingValue.JavaScript("getInput('chair')"),
                    ["days"] = 5,
                    // Named like an Elsa activity property; must survive all the same.
                    ["source"] = "secretariat",
                }, "Chair reviews"),
            ],
            Connections = [new Connection("begin", Outcomes.Done, "task")],
        };

        // Act
        var exported = _exporter.Export(original);
        var reimported = _importer.Import(exported.Json);

        // Assert
        var finding = Assert.Single(exported.Findings);
        Assert.Equal(FindingCodes.UnmappedElsaType, finding.Code);
        Assert.Equal("task", finding.NodeId);
        Assert.Equal("$.activities[1]", finding.Path);
        Assert.Equal(ControlActivityTypes.HumanTask, JsonNode.Parse(exported.Json)!["root"]!["activities"]![1]!["type"]!.GetValue<string>());
        Assert.Empty(reimported.Findings);
        DefinitionAssert.Same(original, reimported.Definition!);
    }

    [Fact]
    public void ExportThenImport_UnmappedElsaActivity_ComesBackUnchanged()
    {
        // Arrange
        var json = """
            { "definitionId": "mail", "name": "Mail", "version": 1, "root": { "type": "Elsa.Flowchart", "activities": [
              { "id": "m", "name": "SendEmail1", "type": "Elsa.SendEmail", "version": 1,
                "to": { "typeName": "String[]", "expression": { "type": "Literal", "value": "a@example.org" } } } ] } }
            """;
        var original = _importer.Import(json).Definition!;

        // Act
        var exported = _exporter.Export(original);
        var activity = JsonNode.Parse(exported.Json)!["root"]!["activities"]![0]!;
        var reimported = _importer.Import(exported.Json).Definition!;

        // Assert
        Assert.Empty(exported.Findings);
        Assert.Equal("Elsa.SendEmail", activity["type"]!.GetValue<string>());
        Assert.Equal("SendEmail1", activity["name"]!.GetValue<string>());
        DefinitionAssert.Same(original, reimported);
    }

    private static ActivityNode Node(string id, string type, JsonObject settings, string? name = null) =>
        new() { Id = id, Type = type, Name = name, Settings = settings, Position = new Position(id.Length * 100, -id.Length * 10.5) };
}
