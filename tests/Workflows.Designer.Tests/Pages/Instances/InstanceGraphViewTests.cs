using Bunit;
using FocWorkflows.Designer.Pages.Instances;
using FocWorkflows.Designer.Ports;

namespace FocWorkflows.Designer.Tests.Pages.Instances;

public sealed class InstanceGraphViewTests : BunitContext
{
    private static readonly InstanceGraph Graph = new(
        [
            new GraphNode("start", "Start", "control.start", 0, 0, StepStates.Done),
            new GraphNode("review", "Task-force review", "deliberation.consultation", 220, 0, StepStates.Waiting),
            new GraphNode("publish", "Publication", "deliberation.publication", 440, 0, StepStates.NotReached),
        ],
        [new GraphEdge("start", "review", "Done", Taken: true), new GraphEdge("review", "publish", "Done", Taken: false)]);

    [Fact]
    public void Graph_ColoursEachStepByItsState_AndMarksTheConnectionsTaken()
    {
        var view = Render<InstanceGraphView>(p => p.Add(x => x.Graph, Graph));

        Assert.Single(view.FindAll("g.node.state-done"));
        Assert.Contains("Task-force review", view.Find("g.node.state-waiting").TextContent);
        Assert.Single(view.FindAll("g.node.state-not-reached"));
        Assert.Single(view.FindAll("line.edge.taken"));
        Assert.Equal(2, view.FindAll("line.edge").Count);
    }

    [Fact]
    public void Graph_SaysInWordsWhereItStands()
    {
        var view = Render<InstanceGraphView>(p => p.Add(x => x.Graph, Graph));

        Assert.Equal("1 of 3 steps done. Waiting on Task-force review.", view.Find("desc").TextContent);
        Assert.Equal(2, view.FindAll("ul.graph-legend li").Count);
    }

    [Fact]
    public void Graph_WithoutNodes_RendersNothing()
    {
        var view = Render<InstanceGraphView>(p => p.Add(x => x.Graph, new InstanceGraph([], [])));

        Assert.Empty(view.FindAll("svg"));
    }
}
