using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Designer.Editing;

/// <summary>What an edit did: <see cref="Error"/> says why it was refused; <see cref="NodeId"/> names a node it added.</summary>
public sealed record EditResult(string? Error = null, string? NodeId = null)
{
    public bool Succeeded => Error is null;

    public static EditResult Refused(string error) => new(error);
}

/// <summary>
/// The definition being edited, with undo and redo. Every edit replaces the immutable definition
/// with a new one, so history is a list of snapshots and undo can never half-revert an edit.
/// Settings objects are cloned before they change: snapshots share nothing mutable.
/// </summary>
public sealed class DefinitionEditor
{
    private sealed record Edit(string Description, WorkflowDefinition Before, WorkflowDefinition After);

    private readonly IActivityCatalog _catalog;
    private readonly DefinitionValidator _validator;
    private readonly Stack<Edit> _undo = new();
    private readonly Stack<Edit> _redo = new();
    private WorkflowDefinition _saved;

    public DefinitionEditor(WorkflowDefinition definition, IActivityCatalog catalog)
    {
        _catalog = catalog;
        _validator = new DefinitionValidator(catalog);
        Current = definition;
        _saved = definition;
        Findings = _validator.Validate(definition);
    }

    public WorkflowDefinition Current { get; private set; }

    /// <summary>The validator's findings on <see cref="Current"/>, recomputed after every change.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; private set; }

    public bool CanUndo => _undo.Count > 0;
    public bool CanRedo => _redo.Count > 0;
    public string? UndoDescription => CanUndo ? _undo.Peek().Description : null;
    public string? RedoDescription => CanRedo ? _redo.Peek().Description : null;

    /// <summary>Whether there are edits since the definition was loaded or last saved.</summary>
    public bool HasUnsavedChanges => !ReferenceEquals(Current, _saved);

    /// <summary>Raised after every change, undo and redo included.</summary>
    public event Action? Changed;

    public IEnumerable<ValidationFinding> FindingsFor(string nodeId) => Findings.Where(f => f.NodeId == nodeId);

    public void MarkSaved() => _saved = Current;

    /// <summary>The outcomes a node can report: its type's, those from its settings, and those already connected.</summary>
    public IReadOnlyList<string> OutcomesOf(string nodeId)
    {
        if (Current.FindNode(nodeId) is not { } node) return [];
        var outcomes = new List<string>();
        if (_catalog.Find(node.Type) is { } descriptor)
        {
            outcomes.AddRange(descriptor.Outcomes);
            foreach (var extra in DefinitionValidator.OutcomesOf(node, descriptor) ?? [])
                if (!outcomes.Contains(extra)) outcomes.Add(extra);
        }
        foreach (var connection in Current.ConnectionsFrom(nodeId))
            if (!outcomes.Contains(connection.Outcome)) outcomes.Add(connection.Outcome);
        return outcomes;
    }

    /// <summary>Renames the workflow and sets its description; its id never changes.</summary>
    public EditResult SetDetails(string name, string? description)
    {
        if (string.IsNullOrWhiteSpace(name)) return EditResult.Refused("A workflow needs a name.");
        var trimmedDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (Current.Name == name.Trim() && Current.Description == trimmedDescription) return new EditResult();
        Apply("Rename the workflow", Current with { Name = name.Trim(), Description = trimmedDescription });
        return new EditResult();
    }

    public EditResult AddNode(string type, Position position)
    {
        if (_catalog.Find(type) is not { } descriptor)
            return EditResult.Refused($"The catalog has no activity type '{type}'.");

        var settings = new JsonObject();
        foreach (var setting in descriptor.Settings)
            if (setting.Default is { } value) settings[setting.Name] = value.DeepClone();

        var node = new ActivityNode { Id = UniqueId(type), Type = type, Settings = settings, Position = position };
        Apply($"Add {descriptor.DisplayName}", Current with { Activities = [.. Current.Activities, node] });
        return new EditResult(NodeId: node.Id);
    }

    public EditResult Connect(string from, string outcome, string to)
    {
        if (Current.FindNode(from) is null) return EditResult.Refused($"There is no node '{from}' to connect from.");
        if (Current.FindNode(to) is null) return EditResult.Refused($"There is no node '{to}' to connect to.");
        var outcomes = OutcomesOf(from);
        if (string.IsNullOrWhiteSpace(outcome)) return EditResult.Refused("A connection needs an outcome.");
        if (!outcomes.Contains(outcome) && !ScriptDecidesOutcomes(from))
        {
            var known = outcomes.Count == 0 ? "no outcomes" : string.Join(", ", outcomes.Select(o => $"'{o}'"));
            return EditResult.Refused($"Node '{from}' never reports outcome '{outcome}'; it reports {known}.");
        }
        var connection = new Connection(from, outcome, to);
        if (Current.Connections.Contains(connection))
            return EditResult.Refused($"'{from}' is already connected to '{to}' on '{outcome}'.");

        Apply($"Connect {from} ({outcome}) to {to}", Current with { Connections = [.. Current.Connections, connection] });
        return new EditResult();
    }

    public EditResult Disconnect(Connection connection)
    {
        if (!Current.Connections.Contains(connection))
            return EditResult.Refused($"'{connection.From}' is not connected to '{connection.To}' on '{connection.Outcome}'.");
        Apply($"Disconnect {connection.From} ({connection.Outcome}) from {connection.To}",
            Current with { Connections = [.. Current.Connections.Where(c => c != connection)] });
        return new EditResult();
    }

    public EditResult Move(string nodeId, Position position)
    {
        if (Current.FindNode(nodeId) is not { } node) return UnknownNode(nodeId);
        if (node.Position == position) return new EditResult();
        return Replace(node, node with { Position = position }, $"Move {nodeId}");
    }

    public EditResult Rename(string nodeId, string? name)
    {
        if (Current.FindNode(nodeId) is not { } node) return UnknownNode(nodeId);
        var trimmed = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (node.Name == trimmed) return new EditResult();
        return Replace(node, node with { Name = trimmed }, $"Rename {nodeId}");
    }

    public EditResult Delete(string nodeId)
    {
        if (Current.FindNode(nodeId) is null) return UnknownNode(nodeId);
        Apply($"Delete {nodeId}", Current with
        {
            Activities = [.. Current.Activities.Where(a => a.Id != nodeId)],
            Connections = [.. Current.Connections.Where(c => c.From != nodeId && c.To != nodeId)],
        });
        return new EditResult();
    }

    /// <summary>Sets a setting to a literal or an expression (<see cref="SettingValue"/>); null clears it.</summary>
    public EditResult SetSetting(string nodeId, string name, JsonNode? value)
    {
        if (Current.FindNode(nodeId) is not { } node) return UnknownNode(nodeId);
        if (_catalog.Find(node.Type) is { } descriptor && descriptor.FindSetting(name) is null)
            return EditResult.Refused($"'{descriptor.DisplayName}' has no setting '{name}'.");

        var old = node.Settings.TryGetPropertyValue(name, out var existing) ? existing : null;
        if (JsonNode.DeepEquals(old, value)) return new EditResult();

        var settings = (JsonObject)node.Settings.DeepClone();
        if (value is null) settings.Remove(name);
        else settings[name] = value.DeepClone();
        return Replace(node, node with { Settings = settings }, $"Change {name} of {nodeId}");
    }

    public void Undo()
    {
        if (!_undo.TryPop(out var edit)) return;
        _redo.Push(edit);
        Show(edit.Before);
    }

    public void Redo()
    {
        if (!_redo.TryPop(out var edit)) return;
        _undo.Push(edit);
        Show(edit.After);
    }

    // When a script computes the outcome list (a fork's branches from an expression), any name may come out.
    private bool ScriptDecidesOutcomes(string nodeId) =>
        Current.FindNode(nodeId) is { } node && _catalog.Find(node.Type) is { } descriptor
        && DefinitionValidator.OutcomesOf(node, descriptor) is null;

    private EditResult Replace(ActivityNode node, ActivityNode replacement, string description)
    {
        Apply(description, Current with { Activities = [.. Current.Activities.Select(a => ReferenceEquals(a, node) ? replacement : a)] });
        return new EditResult();
    }

    private void Apply(string description, WorkflowDefinition after)
    {
        _undo.Push(new Edit(description, Current, after));
        _redo.Clear();
        Show(after);
    }

    private void Show(WorkflowDefinition definition)
    {
        Current = definition;
        Findings = _validator.Validate(definition);
        Changed?.Invoke();
    }

    private static EditResult UnknownNode(string nodeId) => EditResult.Refused($"There is no node '{nodeId}'.");

    // "deliberation.approval-round" becomes "approval-round", then "approval-round-2" if taken.
    private string UniqueId(string type)
    {
        var baseId = Kebab(type[(type.LastIndexOf('.') + 1)..]);
        if (baseId.Length == 0) baseId = "node";
        var taken = Current.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(baseId)) return baseId;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{baseId}-{n}")) return $"{baseId}-{n}";
    }

    private static string Kebab(string text)
    {
        var id = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsUpper(c) && id.Length > 0 && id[^1] != '-') id.Append('-');
                id.Append(char.ToLowerInvariant(c));
            }
            else if (id.Length > 0 && id[^1] != '-') id.Append('-');
        }
        return id.ToString().Trim('-');
    }
}
