using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Validation;

/// <summary>
/// Checks what a definition means against the activity catalog: node types, settings, scripts,
/// templates and the graph. It reports every finding at once, so an editor can show them all and an
/// author fixes a definition in one pass, not one error per publish attempt.
/// </summary>
public sealed class DefinitionValidator(IActivityCatalog catalog)
{
    public IReadOnlyList<ValidationFinding> Validate(WorkflowDefinition definition)
    {
        var findings = new List<ValidationFinding>();
        CheckDeclarations(definition.Inputs.Select(i => i.Name).ToList(), "inputs", "Input", findings);
        CheckDeclarations(definition.Variables.Select(v => v.Name).ToList(), "variables", "Variable", findings);
        CheckNodes(definition, findings);
        CheckConnections(definition, findings);
        CheckReachability(definition, findings);
        return findings;
    }

    // Scripts read inputs and variables by name (input.title, getTitle()), so a name must be one a script can write.
    private static void CheckDeclarations(List<string> names, string listName, string kind, List<ValidationFinding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var path = FindingPath.Property(FindingPath.Index(FindingPath.Property(FindingPath.Root, listName), i), "name");
            if (!ScriptSyntax.IsIdentifier(names[i]))
                findings.Add(new(FindingCodes.InvalidInput,
                    $"{kind} name '{names[i]}' is not a JavaScript identifier (letters, digits, _ or $, not starting with a digit, not a reserved word).", path));
            else if (!seen.Add(names[i]))
                findings.Add(new(FindingCodes.InvalidInput, $"{kind} name '{names[i]}' is declared more than once.", path));
        }
    }

    private void CheckNodes(WorkflowDefinition definition, List<ValidationFinding> findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            var nodePath = FindingPath.Activity(i);
            if (!seen.Add(node.Id))
                findings.Add(new(FindingCodes.DuplicateNodeId, $"Node id '{node.Id}' is used by more than one node.",
                    FindingPath.Property(nodePath, "id"), node.Id));

            var descriptor = catalog.Find(node.Type);
            if (descriptor is null)
            {
                findings.Add(new(FindingCodes.UnknownActivityType, $"Node '{node.Id}' has type '{node.Type}', which the catalog does not know.",
                    FindingPath.Property(nodePath, "type"), node.Id));
                // Without a descriptor we cannot type-check, but a broken script is broken whatever the type.
                foreach (var (name, value) in node.Settings)
                    CheckExpression(value, FindingPath.Setting(i, name), node.Id, findings);
                continue;
            }
            CheckSettings(node, i, descriptor, findings);
        }
    }

    private static void CheckSettings(ActivityNode node, int index, ActivityDescriptor descriptor, List<ValidationFinding> findings)
    {
        foreach (var setting in descriptor.Settings)
        {
            // An explicit null is how an editor clears a field, so it counts as missing.
            var present = node.Settings.TryGetPropertyValue(setting.Name, out var value) && value is not null;
            if (setting.Required && setting.Default is null && !present)
                findings.Add(new(FindingCodes.MissingSetting, $"Node '{node.Id}' needs setting '{setting.Name}'.",
                    FindingPath.Setting(index, setting.Name), node.Id));
        }

        foreach (var (name, value) in node.Settings)
        {
            var path = FindingPath.Setting(index, name);
            var setting = descriptor.FindSetting(name);
            if (setting is null)
            {
                findings.Add(new(FindingCodes.UnknownSetting, $"Node '{node.Id}' has setting '{name}', which '{descriptor.Type}' does not have.",
                    path, node.Id));
                continue;
            }

            var read = SettingValue.Read(value);
            if (read.Kind != SettingKind.Literal)
            {
                if (setting.AllowsExpressions) CheckExpression(value, path, node.Id, findings);
                else
                    findings.Add(new(FindingCodes.MistypedSetting,
                        $"Setting '{name}' of node '{node.Id}' takes a literal value, not an expression: {SettingTypeCheck.Expectation(setting)}.",
                        path, node.Id));
                continue;
            }

            if (value is null) continue;
            if (!SettingTypeCheck.Accepts(setting, value))
            {
                findings.Add(new(FindingCodes.MistypedSetting,
                    $"Setting '{name}' of node '{node.Id}' must be {SettingTypeCheck.Expectation(setting)}.", path, node.Id));
                continue;
            }

            // Items of an object list (switch cases, form fields) carry their own expressions.
            if (setting.Type == SettingType.ObjectList && value is JsonArray items)
            {
                for (var j = 0; j < items.Count; j++)
                {
                    if (items[j] is not JsonObject item) continue;
                    foreach (var (property, nested) in item)
                        CheckExpression(nested, FindingPath.Property(FindingPath.Index(path, j), property), node.Id, findings);
                }
            }
        }
    }

    private static void CheckExpression(JsonNode? value, string path, string nodeId, List<ValidationFinding> findings)
    {
        var read = SettingValue.Read(value);
        if (read.Kind == SettingKind.JavaScript && ScriptSyntax.Check(read.Source!) is { } scriptError)
            findings.Add(new(FindingCodes.ScriptSyntax, $"The JavaScript at {path} does not parse: {scriptError}", path, nodeId));
        else if (read.Kind == SettingKind.Liquid && TemplateSyntax.Check(read.Source!) is { } templateError)
            findings.Add(new(FindingCodes.TemplateSyntax, $"The Liquid template at {path} does not parse: {templateError}", path, nodeId));
    }

    private void CheckConnections(WorkflowDefinition definition, List<ValidationFinding> findings)
    {
        var nodes = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var node in definition.Activities) nodes.TryAdd(node.Id, node);

        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            var path = FindingPath.Connection(i);
            // A dangling end is about the connection, not a node, so it names no node.
            if (!nodes.TryGetValue(connection.From, out var source))
                findings.Add(new(FindingCodes.UnknownNode, $"Connection {i} starts at node '{connection.From}', which does not exist.",
                    FindingPath.Property(path, "from")));
            if (!nodes.ContainsKey(connection.To))
                findings.Add(new(FindingCodes.UnknownNode, $"Connection {i} ends at node '{connection.To}', which does not exist.",
                    FindingPath.Property(path, "to")));

            if (source is null || catalog.Find(source.Type) is not { } descriptor) continue;
            var outcomes = OutcomesOf(source, descriptor);
            if (outcomes is not null && !outcomes.Contains(connection.Outcome))
                findings.Add(new(FindingCodes.UnknownOutcome,
                    $"Node '{source.Id}' never reports outcome '{connection.Outcome}'; it reports {Describe(outcomes)}.",
                    FindingPath.Property(path, "outcome"), source.Id));
        }
    }

    /// <summary>The outcomes a node can report, or null when a script decides them at run time.</summary>
    public static HashSet<string>? OutcomesOf(ActivityNode node, ActivityDescriptor descriptor)
    {
        var outcomes = new HashSet<string>(descriptor.Outcomes, StringComparer.Ordinal);
        if (descriptor.OutcomesFromSetting is not { } settingName) return outcomes;

        var value = node.Settings.TryGetPropertyValue(settingName, out var set) && set is not null
            ? set
            : descriptor.FindSetting(settingName)?.Default;
        if (SettingValue.Read(value).Kind != SettingKind.Literal) return null;
        if (value is not JsonArray items) return outcomes;

        foreach (var item in items)
        {
            var name = item is JsonObject obj ? obj["name"] : item;
            if (name is JsonValue text && text.TryGetValue<string>(out var outcome)) outcomes.Add(outcome);
        }
        return outcomes;
    }

    private static string Describe(HashSet<string> outcomes) =>
        outcomes.Count == 0 ? "no outcomes" : string.Join(", ", outcomes.Order(StringComparer.Ordinal).Select(o => $"'{o}'"));

    private static void CheckReachability(WorkflowDefinition definition, List<ValidationFinding> findings)
    {
        var starts = definition.Activities.Where(a => a.Type == ControlActivityTypes.Start).Select(a => a.Id).ToList();
        if (starts.Count == 0)
        {
            // Without a start every node is unreachable; one finding says it better than one per node.
            findings.Add(new(FindingCodes.NoStart, $"The workflow has no '{ControlActivityTypes.Start}' node, so nothing would ever run.",
                FindingPath.Property(FindingPath.Root, "activities")));
            return;
        }

        var next = definition.Connections.ToLookup(c => c.From, c => c.To, StringComparer.Ordinal);
        var reached = new HashSet<string>(starts, StringComparer.Ordinal);
        var pending = new Queue<string>(starts);
        while (pending.TryDequeue(out var id))
        {
            foreach (var to in next[id])
                if (reached.Add(to)) pending.Enqueue(to);
        }

        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var node = definition.Activities[i];
            if (!reached.Contains(node.Id))
                findings.Add(new(FindingCodes.UnreachableNode, $"Node '{node.Id}' cannot be reached from a start node.",
                    FindingPath.Activity(i), node.Id));
        }
    }
}
