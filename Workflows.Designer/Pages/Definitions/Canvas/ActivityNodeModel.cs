using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Designer.Pages.Definitions.Canvas;

/// <summary>A definition node as the canvas draws it: one input port and one output port per outcome.</summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(string nodeId, Point position) : base(position)
    {
        NodeId = nodeId;
        Input = AddPort(new InputPortModel(this));
    }

    public string NodeId { get; }
    public string TypeLabel { get; set; } = "";
    public bool HasFindings { get; set; }
    public PortModel Input { get; }

    public IEnumerable<OutcomePortModel> OutcomePorts => Ports.OfType<OutcomePortModel>();

    public OutcomePortModel? FindOutcome(string outcome) => OutcomePorts.FirstOrDefault(p => p.Outcome == outcome);
}

/// <summary>Where a connection starts: one outcome of a node.</summary>
public sealed class OutcomePortModel(ActivityNodeModel parent, string outcome) : PortModel(parent, PortAlignment.Right)
{
    public string Outcome { get; } = outcome;

    // A connection goes from an outcome to another node, never to an outcome.
    public override bool CanAttachTo(ILinkable other) =>
        other is InputPortModel { Parent: var node } ? node != Parent
        : other is ActivityNodeModel target && target != Parent;
}

/// <summary>Where connections arrive; nothing starts here.</summary>
public sealed class InputPortModel(ActivityNodeModel parent) : PortModel(parent, PortAlignment.Left)
{
    public override bool CanAttachTo(ILinkable other) => false;
}

/// <summary>A drawn connection of the definition.</summary>
public sealed class ConnectionLinkModel : LinkModel
{
    public ConnectionLinkModel(Connection connection, PortModel from, PortModel to) : base(from, to)
    {
        Connection = connection;
        TargetMarker = LinkMarker.Arrow;
    }

    public Connection Connection { get; }
}
