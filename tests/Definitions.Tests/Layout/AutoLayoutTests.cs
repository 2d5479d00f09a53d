using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Layout;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Tests.Layout;

public sealed class AutoLayoutTests
{
    private static ActivityNode Node(string id, string type = ControlActivityTypes.Log, Position? at = null) =>
        new() { Id = id, Type = type, Position = at };

    private static WorkflowDefinition Flow(IEnumerable<ActivityNode> nodes, params (string From, string To)[] edges) => new()
    {
        Id = "flow", Name = "Flow", Activities = [.. nodes], Connections = [.. edges.Select(e => new Connection(e.From, "Done", e.To))],
    };

    private static Position At(WorkflowDefinition d, string id) => d.FindNode(id)!.Position!;

    [Fact]
    public void Apply_Chain_PlacesEachNodeOneColumnFurther()
    {
        var laid = AutoLayout.Apply(Flow([Node("start", ControlActivityTypes.Start), Node("a"), Node("b")], ("start", "a"), ("a", "b")));

        Assert.Equal(new Position(0, 0), At(laid, "start"));
        Assert.Equal(new Position(220, 0), At(laid, "a"));
        Assert.Equal(new Position(440, 0), At(laid, "b"));
    }

    [Fact]
    public void Apply_ForkAndJoin_UsesTheLongestPathAndStacksSiblings()
    {
        var laid = AutoLayout.Apply(Flow([Node("start", ControlActivityTypes.Start), Node("left"), Node("right"), Node("deep"), Node("join")],
            ("start", "left"), ("start", "right"), ("right", "deep"), ("left", "join"), ("deep", "join")));

        Assert.Equal(new Position(220, 0), At(laid, "left"));
        Assert.Equal(new Position(220, 120), At(laid, "right"));
        Assert.Equal(new Position(440, 0), At(laid, "deep"));
        Assert.Equal(new Position(660, 0), At(laid, "join"));
    }

    [Fact]
    public void Apply_Loop_IgnoresTheBackEdge()
    {
        var laid = AutoLayout.Apply(Flow([Node("start", ControlActivityTypes.Start), Node("review"), Node("decide")],
            ("start", "review"), ("review", "decide"), ("decide", "review")));

        Assert.Equal(220, At(laid, "review").X);
        Assert.Equal(440, At(laid, "decide").X);
    }

    [Fact]
    public void Apply_DisconnectedNodes_GoToALastColumn()
    {
        var laid = AutoLayout.Apply(Flow([Node("start", ControlActivityTypes.Start), Node("a"), Node("lonely"), Node("other")], ("start", "a")));

        Assert.Equal(new Position(440, 0), At(laid, "lonely"));
        Assert.Equal(new Position(440, 120), At(laid, "other"));
    }

    [Fact]
    public void Apply_NodesWithPositions_KeepThem()
    {
        var laid = AutoLayout.Apply(Flow([Node("start", ControlActivityTypes.Start, new Position(5, 7)), Node("a")], ("start", "a")));

        Assert.Equal(new Position(5, 7), At(laid, "start"));
        Assert.Equal(new Position(220, 0), At(laid, "a"));
    }

    [Fact]
    public void Apply_WithoutAStartNode_StartsFromNodesNothingEnters()
    {
        var laid = AutoLayout.Apply(Flow([Node("b"), Node("a")], ("a", "b")));

        Assert.Equal(new Position(0, 0), At(laid, "a"));
        Assert.Equal(new Position(220, 0), At(laid, "b"));
    }

    [Fact]
    public void Apply_EveryNodePositioned_ReturnsTheSameDefinition()
    {
        var definition = Flow([Node("start", ControlActivityTypes.Start, new Position(1, 1))]);

        Assert.Same(definition, AutoLayout.Apply(definition));
    }
}
