using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Versions;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Definitions.Tests.Versions;

public sealed class DefinitionDiffTests
{
    private static WorkflowDefinition Version(params ActivityNode[] nodes) => new() { Id = "flow", Name = "Flow", Activities = nodes };

    private static ActivityNode Log(string id, string message, string? name = null) =>
        new() { Id = id, Type = "control.log", Name = name, Settings = new JsonObject { ["message"] = message } };

    [Fact]
    public void Between_SameDefinition_IsEmpty()
    {
        var diff = DefinitionDiff.Between(SampleDefinition.Create(), SampleDefinition.Create());

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Between_NodeAddedAndRemoved_ListsThem()
    {
        var diff = DefinitionDiff.Between(Version(Log("a", "hi"), Log("gone", "x")), Version(Log("a", "hi"), Log("new", "y")));

        Assert.Equal("new", Assert.Single(diff.NodesAdded).Id);
        Assert.Equal("gone", Assert.Single(diff.NodesRemoved).Id);
        Assert.Empty(diff.NodesChanged);
    }

    [Fact]
    public void Between_SettingChanged_GivesOldAndNewJson()
    {
        var newer = Log("a", "bye", "Greet");
        newer.Settings["level"] = "info";

        var change = Assert.Single(DefinitionDiff.Between(Version(Log("a", "hi")), Version(newer)).NodesChanged);

        Assert.True(change.NameChanged);
        Assert.False(change.TypeChanged);
        Assert.Equal([new SettingChange("message", "\"hi\"", "\"bye\""), new SettingChange("level", null, "\"info\"")], change.Settings);
    }

    [Fact]
    public void Between_OnlyAPositionMoved_IsEmpty()
    {
        var older = Log("a", "hi") with { Position = new Position(0, 0) };

        Assert.True(DefinitionDiff.Between(Version(older), Version(older with { Position = new Position(9, 9) })).IsEmpty);
    }

    [Fact]
    public void Between_ConnectionsAndDeclarations_ListsWhatChanged()
    {
        var older = Version(Log("a", "1"), Log("b", "2")) with
        {
            Connections = [new Connection("a", "Done", "b")],
            Inputs = [new InputDeclaration { Name = "topic" }],
        };
        var newer = older with
        {
            Connections = [new Connection("b", "Done", "a")],
            Inputs = [new InputDeclaration { Name = "topic", Required = true }],
            Variables = [new VariableDeclaration { Name = "count", Type = ValueType.Integer }],
        };

        var diff = DefinitionDiff.Between(older, newer);

        Assert.Equal(new Connection("b", "Done", "a"), Assert.Single(diff.ConnectionsAdded));
        Assert.Equal(new Connection("a", "Done", "b"), Assert.Single(diff.ConnectionsRemoved));
        Assert.Equal(2, diff.Declarations.Count);
        Assert.Contains(diff.Declarations, d => d is { Kind: "input", Name: "topic" } && d.New!.Contains("\"required\":true"));
        Assert.Contains(diff.Declarations, d => d is { Kind: "variable", Name: "count", Old: null } && d.New!.Contains("integer"));
    }
}
