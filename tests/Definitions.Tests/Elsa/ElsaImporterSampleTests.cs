using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Elsa;
using FocWorkflows.Definitions.Model;
using static FocWorkflows.Definitions.Tests.Elsa.DefinitionAssert;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Definitions.Tests.Elsa;

public sealed class ElsaImporterSampleTests
{
    private readonly ElsaImporter _importer = new();

    private WorkflowDefinition ImportClean(string sample)
    {
        var result = _importer.Import(ElsaSamples.Read(sample));
        Assert.Empty(result.Findings);
        return Assert.IsType<WorkflowDefinition>(result.Definition);
    }

    [Fact]
    public void Import_HelloWorld_KeepsIdNamePositionAndText()
    {
        // Act
        var definition = ImportClean(ElsaSamples.HelloWorld);

        // Assert
        Assert.Equal("1590068018aa4f0a", definition.Id);
        Assert.Equal("Hello World", definition.Name);
        var node = Assert.Single(definition.Activities);
        Assert.Equal("b039045bb7443e57", node.Id);
        Assert.Equal(ControlActivityTypes.Log, node.Type);
        Assert.Equal("WriteLine1", node.Name);
        Assert.Equal(new Position(-231.796875, 269), node.Position);
        AssertJson(JsonValue.Create("Hello World!"), node.Settings["message"], "message");
        Assert.Empty(definition.Connections);
    }

    [Fact]
    public void Import_Fork_MapsBranchesAndBranchPorts()
    {
        // Act
        var definition = ImportClean(ElsaSamples.Fork);

        // Assert
        Assert.Equal(4, definition.Activities.Count);
        Assert.Equal(2, definition.Version);
        var fork = definition.FindNode("c0e09e3ac3cfdba7")!;
        Assert.Equal(ControlActivityTypes.Fork, fork.Type);
        Assert.Equal(new Position(-340, -197), fork.Position);
        AssertJson(new JsonArray("One", "Two", "Three"), fork.Settings["branches"], "branches");
        Assert.Equal(
            [
                new Connection("c0e09e3ac3cfdba7", "One", "e6f0cddb1cdbdd7c"),
                new Connection("c0e09e3ac3cfdba7", "Two", "3ece093dfc20c752"),
                new Connection("c0e09e3ac3cfdba7", "Three", "ca9fcd1d6069df9"),
            ],
            definition.Connections);
    }

    [Fact]
    public void Import_JoinAll_MapsWaitAllAndDisplayText()
    {
        // Act
        var definition = ImportClean(ElsaSamples.JoinAll);

        // Assert
        Assert.Equal("296428cc22bd4f309e858f4b461dbb3d", definition.Id);
        Assert.Equal(5, definition.Activities.Count);
        var join = definition.FindNode("aA4pfJOzyEqmLOY3U3vCoQ")!;
        Assert.Equal(ControlActivityTypes.Join, join.Type);
        AssertJson(JsonValue.Create("all"), join.Settings["mode"], "mode");
        Assert.Equal("Start", definition.FindNode("FRXh0PlHekejZiWANAplUg")!.Name);
        Assert.Equal("WriteLine4", definition.FindNode("MplDrS_bUE-8td-XBUvWmA")!.Name);
        Assert.Equal(5, definition.Connections.Count);
        Assert.Contains(new Connection("aA4pfJOzyEqmLOY3U3vCoQ", Outcomes.Done, "MplDrS_bUE-8td-XBUvWmA"), definition.Connections);
    }

    [Fact]
    public void Import_JoinAny_MapsEveryJoinToAny()
    {
        // Act
        var definition = ImportClean(ElsaSamples.JoinAny);

        // Assert
        var joins = definition.Activities.Where(a => a.Type == ControlActivityTypes.Join).ToList();
        Assert.Equal(["ImdIbHXtHkiLlrExFlW51A", "cxnS1whoCESvwwPyBnno_Q", "H0apwXYdoESn2TJ5T_3xAg"], joins.Select(j => j.Id));
        Assert.All(joins, j => AssertJson(JsonValue.Create("any"), j.Settings["mode"], $"mode of {j.Id}"));
        Assert.Equal(new Position(40, -194), definition.FindNode("H0apwXYdoESn2TJ5T_3xAg")!.Position);
    }

    [Fact]
    public void Import_ImplicitLoop_KeepsVariableScriptsAndOldStyleConnections()
    {
        // Act
        var definition = ImportClean(ElsaSamples.ImplicitLoop);

        // Assert
        Assert.Equal("68e6bca3d86c4a5a8dfb825f1d5c0875", definition.Id);
        var counter = Assert.Single(definition.Variables);
        Assert.Equal("Counter", counter.Name);
        Assert.Equal(ValueType.Integer, counter.Type);
        AssertJson(JsonValue.Create(0), counter.Default, "Counter default");

        var increment = definition.FindNode("SetVariable1")!;
        Assert.Equal(ControlActivityTypes.SetVariable, increment.Type);
        Assert.Equal("Increment counter", increment.Name);
        AssertJson(JsonValue.Create("Counter"), increment.Settings["variable"], "variable");
        AssertJson(SettingValue.JavaScript("getCounter() + 1"), increment.Settings["value"], "value");

        var decision = definition.FindNode("FlowDecision1")!;
        Assert.Equal(ControlActivityTypes.Decision, decision.Type);
        Assert.Equal("Counter > 1", decision.Name);
        AssertJson(SettingValue.JavaScript("getCounter() > 1"), decision.Settings["condition"], "condition");

        Assert.Equal(ControlActivityTypes.Start, definition.FindNode("Start1")!.Type);
        Assert.Equal(new Position(2060, 2380), definition.FindNode("Start1")!.Position);
        Assert.Equal(6, definition.Connections.Count);
        Assert.Contains(new Connection("FlowDecision1", Outcomes.True, "WriteLine3"), definition.Connections);
        Assert.Contains(new Connection("FlowDecision1", Outcomes.False, "WriteLine2"), definition.Connections);
        Assert.Contains(new Connection("WriteLine2", Outcomes.Done, "WriteLine1"), definition.Connections);
    }

    [Fact]
    public void Import_TimerWithByteOrderMark_BecomesDelayWithInformationalFinding()
    {
        // Arrange
        var json = ElsaSamples.Read(ElsaSamples.Timer);
        Assert.StartsWith("\uFEFF", json);

        // Act
        var result = _importer.Import(json);

        // Assert
        var definition = Assert.IsType<WorkflowDefinition>(result.Definition);
        Assert.Equal("d1d828033d9c2dcd", definition.Id);
        Assert.Equal(2, definition.Activities.Count);
        var timer = definition.FindNode("89ab56281a99239")!;
        Assert.Equal(ControlActivityTypes.Delay, timer.Type);
        Assert.Equal("Timer1", timer.Name);
        AssertJson(JsonValue.Create("PT1M"), timer.Settings["duration"], "duration");
        Assert.Equal([new Connection("89ab56281a99239", Outcomes.Done, "b91befb34b3e44ea")], definition.Connections);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ElsaFindingCodes.TimerAsDelay, finding.Code);
        Assert.Equal("89ab56281a99239", finding.NodeId);
        Assert.Equal("$.root.activities[1]", finding.Path);
    }
}
