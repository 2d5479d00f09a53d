using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FocWorkflows.Designer.Pages.Definitions.Canvas;

/// <summary>
/// Draws the editor's definition and turns gestures into editor commands. The editor is the truth:
/// after every change the diagram is reconciled with it, so undo and redo redraw for free.
/// </summary>
public sealed partial class DefinitionCanvas : IDisposable
{
    private BlazorDiagram _diagram = null!;
    private string? _shownSelection;

    [Parameter, EditorRequired] public DefinitionEditor Editor { get; set; } = null!;
    [Parameter, EditorRequired] public IActivityCatalog Catalog { get; set; } = null!;
    [Parameter] public string? SelectedNodeId { get; set; }
    [Parameter] public EventCallback<string?> OnSelect { get; set; }
    [Parameter] public EventCallback<string> OnRefused { get; set; }

    /// <summary>Something from the palette was dropped here, at this point of the diagram.</summary>
    [Parameter] public EventCallback<Position> OnDropAt { get; set; }

    /// <summary>How wide the canvas shows the diagram, in diagram units; unknown until it is laid out.</summary>
    public double? VisibleWidth => _diagram.Container is { } container ? container.Width / _diagram.Zoom : null;

    protected override void OnInitialized()
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = false };
        options.Links.RequireTarget = true;
        options.Links.Factory = (_, source, target) =>
            source is OutcomePortModel port ? new LinkModel(new SinglePortAnchor(port), target) : null;
        // Deleting goes through the editor (and its undo), not the diagram's own Delete key.
        options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(false);
        options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(false);
        options.Constraints.ShouldDeleteGroup = _ => ValueTask.FromResult(false);

        _diagram = new BlazorDiagram(options);
        _diagram.RegisterComponent<ActivityNodeModel, ActivityNodeWidget>();
        _diagram.SelectionChanged += OnSelectionChanged;
        _diagram.Links.Added += OnLinkAdded;
        Editor.Changed += OnEditorChanged;
        Sync();
    }

    protected override void OnParametersSet()
    {
        if (SelectedNodeId == _shownSelection) return;
        _shownSelection = SelectedNodeId;
        var node = SelectedNodeId is null ? null : FindModel(SelectedNodeId);
        if (node is null) _diagram.UnselectAll();
        else if (!node.Selected) _diagram.SelectModel(node, unselectOthers: true);
    }

    public void Dispose()
    {
        Editor.Changed -= OnEditorChanged;
        _diagram.SelectionChanged -= OnSelectionChanged;
        _diagram.Links.Added -= OnLinkAdded;
    }

    private void OnEditorChanged()
    {
        Sync();
        StateHasChanged();
    }

    private void Sync() => _diagram.Batch(() =>
    {
        var definition = Editor.Current;
        var withFindings = Editor.Findings.Select(f => f.NodeId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var models = _diagram.Nodes.OfType<ActivityNodeModel>().ToDictionary(n => n.NodeId, StringComparer.Ordinal);

        foreach (var (id, model) in models)
            if (definition.FindNode(id) is null) _diagram.Nodes.Remove(model);

        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            if (!models.TryGetValue(node.Id, out var model))
            {
                model = new ActivityNodeModel(node.Id, ToPoint(node, i));
                model.Moved += OnMoved;
                _diagram.Nodes.Add(model);
            }
            else if (node.Position is { } p && (model.Position.X != p.X || model.Position.Y != p.Y))
            {
                model.SetPosition(p.X, p.Y);
            }
            UpdateLooks(model, node, withFindings.Contains(node.Id));
        }
        SyncLinks(definition);
    });

    private void UpdateLooks(ActivityNodeModel model, ActivityNode node, bool hasFindings)
    {
        var typeLabel = Catalog.Find(node.Type)?.DisplayName ?? node.Type;
        var changed = model.Title != node.DisplayName || model.TypeLabel != typeLabel || model.HasFindings != hasFindings;
        model.Title = node.DisplayName;
        model.TypeLabel = typeLabel;
        model.HasFindings = hasFindings;

        var outcomes = Editor.OutcomesOf(node.Id);
        foreach (var port in model.OutcomePorts.Where(p => !outcomes.Contains(p.Outcome)).ToList())
        {
            foreach (var link in port.Links.ToList()) _diagram.Links.Remove(link);
            model.RemovePort(port);
            changed = true;
        }
        foreach (var outcome in outcomes.Where(o => model.FindOutcome(o) is null))
        {
            model.AddPort(new OutcomePortModel(model, outcome));
            changed = true;
        }
        // A port added to a drawn node is placed only after a refresh.
        if (changed) model.Refresh();
    }

    private void SyncLinks(WorkflowDefinition definition)
    {
        var wanted = definition.Connections.ToHashSet();
        foreach (var link in _diagram.Links.ToList())
        {
            if (link is ConnectionLinkModel drawn ? !wanted.Contains(drawn.Connection) : link.IsAttached)
                _diagram.Links.Remove(link);
        }
        var drawnConnections = _diagram.Links.OfType<ConnectionLinkModel>().Select(l => l.Connection).ToHashSet();
        foreach (var connection in wanted.Where(c => !drawnConnections.Contains(c)))
        {
            if (FindModel(connection.From)?.FindOutcome(connection.Outcome) is { } from && FindModel(connection.To) is { } to)
                _diagram.Links.Add(new ConnectionLinkModel(connection, from, to.Input));
        }
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        if (link is not ConnectionLinkModel) link.TargetAttached += OnTargetAttached;
    }

    private void OnTargetAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        var target = link.Target.Model switch
        {
            InputPortModel input => input.Parent as ActivityNodeModel,
            ActivityNodeModel node => node,
            _ => null,
        };
        // The dragged link is a sketch: the editor decides, and the reconcile draws the real one.
        _diagram.Links.Remove(link);
        if (link.Source.Model is not OutcomePortModel { Parent: ActivityNodeModel source } port || target is null) return;
        var result = Editor.Connect(source.NodeId, port.Outcome, target.NodeId);
        if (!result.Succeeded) _ = OnRefused.InvokeAsync(result.Error);
    }

    // The drop arrives in the browser's coordinates; the diagram may be panned and zoomed.
    private Task OnDrop(DragEventArgs e)
    {
        if (_diagram.Container is null) return Task.CompletedTask; // not laid out yet: nothing to aim at
        var point = _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        return OnDropAt.InvokeAsync(new Position(Math.Round(point.X), Math.Round(point.Y)));
    }

    private void OnMoved(MovableModel movable)
    {
        if (movable is ActivityNodeModel model)
            Editor.Move(model.NodeId, new Position(Math.Round(model.Position.X), Math.Round(model.Position.Y)));
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (model is not ActivityNodeModel node) return;
        var selected = node.Selected ? node.NodeId : (_shownSelection == node.NodeId ? null : _shownSelection);
        if (selected == _shownSelection) return;
        _shownSelection = selected;
        _ = OnSelect.InvokeAsync(selected);
    }

    private ActivityNodeModel? FindModel(string nodeId) =>
        _diagram.Nodes.OfType<ActivityNodeModel>().FirstOrDefault(n => n.NodeId == nodeId);

    // Imported definitions may have no positions: they are drawn in their slots until someone moves them.
    private static Point ToPoint(ActivityNode node, int index)
    {
        var position = NodePlacement.Of(node, index);
        return new Point(position.X, position.Y);
    }
}
