using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Writes a native definition as an Elsa 3 workflow definition (root <c>Elsa.Flowchart</c>) that
/// Elsa Studio can import and that <see cref="ElsaImporter"/> reads back to the same definition.
/// </summary>
public sealed class ElsaExporter
{
    private const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    // Scripts stay readable in the file ("a > 1", not "a \u003E 1"); the file is never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ElsaExportResult Export(WorkflowDefinition definition)
    {
        var findings = new List<ValidationFinding>();
        var variables = definition.Variables.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First());
        var writer = new ElsaActivityWriter(variables, findings);
        // A start the importer added is not in the Elsa file it came from; leave it out so Elsa begins as before.
        var addedStart = ElsaImplicitStart.Find(definition);
        var dropped = addedStart?.NodeId;

        var workflow = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["id"] = definition.Id,
            ["definitionId"] = definition.Id,
            ["name"] = definition.Name,
            ["version"] = definition.Version,
            ["isLatest"] = true,
            ["isPublished"] = definition.Version > 0,
            ["variables"] = new JsonArray([.. definition.Variables.Select(Variable)]),
            ["inputs"] = new JsonArray([.. definition.Inputs.Select(Input)]),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["root"] = new JsonObject
            {
                ["type"] = ElsaTypeMap.Flowchart,
                ["version"] = 1,
                ["id"] = "Flowchart1",
                ["activities"] = new JsonArray([.. definition.Activities
                    .Select((a, i) => (Node: a, Path: $"$.activities[{i}]"))
                    .Where(x => x.Node.Id != dropped)
                    .Select(x => (JsonNode)writer.Write(x.Node, x.Path))]),
                ["connections"] = new JsonArray([.. definition.Connections.Where(c => c.From != dropped).Select(Connection)]),
            },
        };
        if (addedStart?.RootStart is { } rootStart) workflow["root"]!["start"] = rootStart;
        if (definition.Description is { } description) workflow["description"] = description;
        return new(workflow.ToJsonString(Indented), findings);
    }

    private static JsonNode Variable(VariableDeclaration variable) => new JsonObject
    {
        // The exporter gives each variable its name as Elsa id, so a reference is readable and stable.
        ["id"] = variable.Name,
        ["name"] = variable.Name,
        ["typeName"] = ElsaLiterals.ToTypeName(variable.Type),
        ["isArray"] = false,
        ["value"] = ElsaLiterals.DefaultToElsa(variable.Default, variable.Type),
    };

    private static JsonNode Input(InputDeclaration input)
    {
        var result = new JsonObject
        {
            ["name"] = input.Name,
            ["type"] = ElsaLiterals.ToTypeName(input.Type),
            ["isArray"] = false,
        };
        if (input.Label is { } label) result["displayName"] = label;
        if (input.Help is { } help) result["description"] = help;
        if (input.Default is { } value) result["defaultValue"] = ElsaLiterals.DefaultToElsa(value, input.Type);
        return result;
    }

    private static JsonNode Connection(Connection connection) => new JsonObject
    {
        ["source"] = new JsonObject { ["activity"] = connection.From, ["port"] = connection.Outcome },
        ["target"] = new JsonObject { ["activity"] = connection.To, ["port"] = "In" },
    };
}
