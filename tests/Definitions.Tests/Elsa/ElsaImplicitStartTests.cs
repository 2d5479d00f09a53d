using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Tests.Elsa;

/// <summary>The start node the importer adds to flowcharts without an Elsa Start, and the exporter leaves out again.</summary>
public sealed class ElsaImplicitStartTests
{
    private const string AddedName = "Start (added on import)";
    private readonly ElsaImporter _importer = new();
    private readonly ElsaExporter _exporter = new();

    private static string Flowchart(string activities, string connections = "", string rootStart = "") => $$"""
        { "definitionId": "wf", "name": "Test", "version": 1,
          "root": { "type": "Elsa.Flowchart", "id": "F1", {{rootStart}}
                    "activities": [ {{activities}} ], "connections": [ {{connections}} ] } }
        """;

    private static string Line(string id, double x = 0, double y = 0) =>
        $$"""{ "id": "{{id}}", "type": "Elsa.WriteLine", "metadata": { "designer": { "position": { "x": {{x}}, "y": {{y}} } } } }""";

    private static string Link(string from, string to) => $$"""{ "source": "{{from}}", "target": "{{to}}", "sourcePort": "Done" }""";

    [Theory]
    [MemberData(nameof(ElsaSamples.Names), MemberType = typeof(ElsaSamples))]
    public void Import_EverySample_ValidatesWithoutFindings(string sample)
    {
        // Arrange
        var definition = _importer.Import(ElsaSamples.Read(sample)).Definition!;

        // Act
        var findings = new DefinitionValidator(TestCatalog.Create()).Validate(definition);

        // Assert
        Assert.DoesNotContain(findings, f => f.Code == FindingCodes.NoStart);
        Assert.Empty(findings);
    }

    [Fact]
    public void Import_NoStart_AddsStartLeadingToEveryActivityNothingLeadsTo()
    {
        // Arrange
        var json = Flowchart($"{Line("b", 300, 50)}, {Line("a", 100, 40)}, {Line("c", 500, 60)}", Link("a", "c"));

        // Act
        var result = _importer.Import(json);

        // Assert
        var definition = result.Definition!;
        Assert.Equal(["start", "b", "a", "c"], definition.Activities.Select(a => a.Id));
        var start = definition.Activities[0];
        Assert.Equal((ControlActivityTypes.Start, AddedName), (start.Type, start.Name));
        Assert.Equal(new Position(100, 50), start.Position);
        Assert.Equal(
            [new Connection("a", Outcomes.Done, "c"), new Connection("start", Outcomes.Done, "b"), new Connection("start", Outcomes.Done, "a")],
            definition.Connections);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ElsaFindingCodes.StartAdded, "start", "$.root"), (finding.Code, finding.NodeId, finding.Path));
        Assert.Contains("'b', 'a'", finding.Message);
    }

    [Fact]
    public void Import_RootStartInsideALoop_AddsStartLeadingToIt()
    {
        // Arrange
        var json = Flowchart($"{Line("a")}, {Line("b", 200, 10)}", $"{Link("a", "b")}, {Link("b", "a")}", "\"start\": \"b\",");

        // Act
        var definition = _importer.Import(json).Definition!;

        // Assert
        Assert.Equal(new Connection("start", Outcomes.Done, "b"), definition.Connections[^1]);
        Assert.Equal(new Position(0, 10), definition.Activities[0].Position);
    }

    [Fact]
    public void Import_ClosedLoopWithoutRootStart_StartsAtTheFirstActivity()
    {
        // Arrange
        var json = Flowchart($"{Line("a")}, {Line("b")}", $"{Link("a", "b")}, {Link("b", "a")}");

        // Act
        var definition = _importer.Import(json).Definition!;

        // Assert
        Assert.Equal(new Connection("start", Outcomes.Done, "a"), definition.Connections[^1]);
    }

    [Fact]
    public void Import_IdStartTaken_UsesTheNextFreeId()
    {
        // Arrange
        var json = Flowchart($"{Line("start")}, {Line("start-2")}", Link("start", "start-2"));

        // Act
        var definition = _importer.Import(json).Definition!;

        // Assert
        Assert.Equal("start-3", definition.Activities[0].Id);
        Assert.Equal(new Connection("start-3", Outcomes.Done, "start"), definition.Connections[^1]);
    }

    [Fact]
    public void Import_RootIsOneMappedActivity_AddsStartLeadingToItAndValidates()
    {
        // Arrange: Elsa runs a workflow whose root is one activity by running that activity.
        var json = $$"""
            { "definitionId": "wf", "name": "Test", "version": 1,
              "root": { "id": "hello", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Hi" } },
                        "metadata": { "designer": { "position": { "x": 300, "y": 40 } } } } }
            """;

        // Act
        var result = _importer.Import(json);

        // Assert
        var definition = result.Definition!;
        Assert.Equal(["start", "hello"], definition.Activities.Select(a => a.Id));
        Assert.Equal((ControlActivityTypes.Start, AddedName), (definition.Activities[0].Type, definition.Activities[0].Name));
        Assert.Equal([new Connection("start", Outcomes.Done, "hello")], definition.Connections);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ElsaFindingCodes.StartAdded, "start", "$.root"), (finding.Code, finding.NodeId, finding.Path));
        Assert.Empty(new DefinitionValidator(TestCatalog.Create()).Validate(definition));
    }

    [Fact]
    public void Import_EmptyFlowchart_AddsNothing()
    {
        // Act
        var result = _importer.Import(Flowchart(""));

        // Assert
        Assert.Empty(result.Definition!.Activities);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Export_AddedStart_IsLeftOutAndRootStartNamesWhereItLed()
    {
        // Arrange
        var json = Flowchart($"{Line("a")}, {Line("b", 200, 10)}", $"{Link("a", "b")}, {Link("b", "a")}", "\"start\": \"b\",");
        var imported = _importer.Import(json).Definition!;

        // Act
        var root = JsonNode.Parse(_exporter.Export(imported).Json)!["root"]!;

        // Assert
        Assert.Equal(["a", "b"], root["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(2, root["connections"]!.AsArray().Count);
        Assert.Equal("b", root["start"]!.GetValue<string>());
        DefinitionAssert.Same(imported, _importer.Import(_exporter.Export(imported).Json).Definition!);
    }

    [Fact]
    public void Export_AddedStartThatLedToSeveralActivities_IsLeftOutWithoutRootStart()
    {
        // Arrange
        var imported = _importer.Import(Flowchart($"{Line("a")}, {Line("b")}")).Definition!;

        // Act
        var root = JsonNode.Parse(_exporter.Export(imported).Json)!["root"]!;

        // Assert
        Assert.Equal(["a", "b"], root["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Empty(root["connections"]!.AsArray());
        Assert.Null(root["start"]);
    }

    [Fact]
    public void Export_AddedStartOfAFileWithoutPositions_IsLeftOutAfterAutoLayout()
    {
        // Arrange: without designer positions the import is laid out, which places the added start too.
        var json = Flowchart("""{ "id": "a", "type": "Elsa.WriteLine" }, { "id": "b", "type": "Elsa.End" }""", Link("a", "b"));
        var imported = DefinitionImport.Read(json);
        Assert.True(imported.LaidOut);

        // Act
        var root = JsonNode.Parse(_exporter.Export(imported.Definition!).Json)!["root"]!;

        // Assert
        Assert.Equal(["a", "b"], root["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Single(root["connections"]!.AsArray());
        Assert.Equal("a", root["start"]!.GetValue<string>());
    }

    [Fact]
    public void Export_AddedStartAfterReorderingAndAddingNodes_IsLeftOut()
    {
        // Arrange: an editor saved the start last, its connection first, and added an unconnected node.
        var imported = _importer.Import(Flowchart($"{Line("a")}, {Line("b", 200)}", Link("a", "b"))).Definition!;
        var edited = imported with
        {
            Activities = [.. imported.Activities.Skip(1), new ActivityNode { Id = "c", Type = ControlActivityTypes.End }, imported.Activities[0]],
            Connections = [.. imported.Connections.Reverse()],
        };

        // Act
        var root = JsonNode.Parse(_exporter.Export(edited).Json)!["root"]!;

        // Assert
        Assert.Equal(["a", "b", "c"], root["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Single(root["connections"]!.AsArray());
        Assert.Equal("a", root["start"]!.GetValue<string>());
    }

    [Fact]
    public void Export_AddedStartMoved_IsStillLeftOut()
    {
        // Arrange: positions are the designer's alone; moving the start changes nothing Elsa runs.
        var imported = _importer.Import(Flowchart($"{Line("a")}, {Line("b")}", Link("a", "b"))).Definition!;
        var moved = imported with { Activities = [imported.Activities[0] with { Position = new Position(-999, 0) }, .. imported.Activities.Skip(1)] };

        // Act
        var root = JsonNode.Parse(_exporter.Export(moved).Json)!["root"]!;

        // Assert
        Assert.Equal(["a", "b"], root["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal("a", root["start"]!.GetValue<string>());
    }

    public static TheoryData<string> Edits() => ["renamed", "rewired", "led-to"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Export_AddedStartChangedAfterImport_IsKeptAsElsaStart(string edit)
    {
        // Arrange
        var imported = _importer.Import(Flowchart($"{Line("a")}, {Line("b")}", Link("a", "b"))).Definition!;
        var start = imported.Activities[0];
        var edited = edit switch
        {
            "renamed" => imported with { Activities = [start with { Name = "Begin" }, .. imported.Activities.Skip(1)] },
            "rewired" => imported with { Connections = [.. imported.Connections, new Connection("start", Outcomes.Done, "b")] },
            _ => imported with { Connections = [.. imported.Connections, new Connection("b", Outcomes.Done, "start")] },
        };

        // Act
        var root = JsonNode.Parse(_exporter.Export(edited).Json)!["root"]!;

        // Assert
        var first = root["activities"]![0]!;
        Assert.Equal(("start", "Elsa.Start"), (first["id"]!.GetValue<string>(), first["type"]!.GetValue<string>()));
        Assert.Null(root["start"]);
        DefinitionAssert.Same(edited, _importer.Import(_exporter.Export(edited).Json).Definition!);
    }
}
