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

    /// <summary>Imports a sample without an Elsa Start: the only finding says a start was added.</summary>
    private WorkflowDefinition ImportAddingStart(string sample)
    {
        var result = _importer.Import(ElsaSamples.Read(sample));
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ElsaFindingCodes.StartAdded, "start", "$.root"), (finding.Code, finding.NodeId, finding.Path));
        var definition = Assert.IsType<WorkflowDefinition>(result.Definition);
        var start = definition.Activities[0];
        Assert.Equal(("start", ControlActivityTypes.Start, "Start (added on import)"), (start.Id, start.Type, start.Name));
        Assert.Empty(start.Settings);
        return definition;
    }

    [Fact]
    public void Import_HelloWorld_KeepsIdNamePositionAndText()
    {
        // Act
        var definition = ImportAddingStart(ElsaSamples.HelloWorld);

        // Assert
        Assert.Equal("1590068018aa4f0a", definition.Id);
        Assert.Equal("Hello World", definition.Name);
        Assert.Equal(2, definition.Activities.Count);
        var node = definition.Activities[1];
        Assert.Equal("b039045bb7443e57", node.Id);
        Assert.Equal(ControlActivityTypes.Log, node.Type);
        Assert.Equal("WriteLine1", node.Name);
        Assert.Equal(new Position(-231.796875, 269), node.Position);
        AssertJson(JsonValue.Create("Hello World!"), node.Settings["message"], "message");
        Assert.Equal(new Position(-431.796875, 269), definition.Activities[0].Position);
        Assert.Equal([new Connection("start", Outcomes.Done, "b039045bb7443e57")], definition.Connections);
    }

    [Fact]
    public void Import_Fork_MapsBranchesAndBranchPorts()
    {
        // Act
        var definition = ImportAddingStart(ElsaSamples.Fork);

        // Assert
        Assert.Equal(5, definition.Activities.Count);
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
                new Connection("start", Outcomes.Done, "c0e09e3ac3cfdba7"),
            ],
            definition.Connections);
    }

    [Fact]
    public void Import_JoinAll_MapsWaitAllAndDisplayText()
    {
        // Act
        var definition = ImportAddingStart(ElsaSamples.JoinAll);

        // Assert
        Assert.Equal("296428cc22bd4f309e858f4b461dbb3d", definition.Id);
        Assert.Equal(6, definition.Activities.Count);
        var join = definition.FindNode("aA4pfJOzyEqmLOY3U3vCoQ")!;
        Assert.Equal(ControlActivityTypes.Join, join.Type);
        AssertJson(JsonValue.Create("all"), join.Settings["mode"], "mode");
        Assert.Equal("Start", definition.FindNode("FRXh0PlHekejZiWANAplUg")!.Name);
        Assert.Equal("WriteLine4", definition.FindNode("MplDrS_bUE-8td-XBUvWmA")!.Name);
        Assert.Equal(6, definition.Connections.Count);
        Assert.Contains(new Connection("aA4pfJOzyEqmLOY3U3vCoQ", Outcomes.Done, "MplDrS_bUE-8td-XBUvWmA"), definition.Connections);
        // The added start leads to the one activity nothing leads to, not to the first one listed (the join).
        Assert.Equal(new Connection("start", Outcomes.Done, "FRXh0PlHekejZiWANAplUg"), definition.Connections[^1]);
        Assert.Equal(new Position(-487, -266), definition.Activities[0].Position);
    }

    [Fact]
    public void Import_JoinAny_MapsEveryJoinToAny()
    {
        // Act
        var definition = ImportAddingStart(ElsaSamples.JoinAny);

        // Assert
        var joins = definition.Activities.Where(a => a.Type == ControlActivityTypes.Join).ToList();
        Assert.Equal(["ImdIbHXtHkiLlrExFlW51A", "cxnS1whoCESvwwPyBnno_Q", "H0apwXYdoESn2TJ5T_3xAg"], joins.Select(j => j.Id));
        Assert.All(joins, j => AssertJson(JsonValue.Create("any"), j.Settings["mode"], $"mode of {j.Id}"));
        Assert.Equal(new Position(40, -194), definition.FindNode("H0apwXYdoESn2TJ5T_3xAg")!.Position);
        Assert.Equal(new Connection("start", Outcomes.Done, "Kn9d-EVn2EiaYJqHd8VcmQ"), definition.Connections[^1]);
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

        Assert.Equal("Start1", definition.Activities.Single(a => a.Type == ControlActivityTypes.Start).Id);
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
        Assert.Equal(3, definition.Activities.Count);
        var timer = definition.FindNode("89ab56281a99239")!;
        Assert.Equal(ControlActivityTypes.Delay, timer.Type);
        Assert.Equal("Timer1", timer.Name);
        AssertJson(JsonValue.Create("PT1M"), timer.Settings["duration"], "duration");
        Assert.Equal(
            [new Connection("89ab56281a99239", Outcomes.Done, "b91befb34b3e44ea"), new Connection("start", Outcomes.Done, "89ab56281a99239")],
            definition.Connections);
        Assert.Equal([ElsaFindingCodes.TimerAsDelay, ElsaFindingCodes.StartAdded], result.Findings.Select(f => f.Code));
        var finding = result.Findings[0];
        Assert.Equal("89ab56281a99239", finding.NodeId);
        Assert.Equal("$.root.activities[1]", finding.Path);
    }
}
