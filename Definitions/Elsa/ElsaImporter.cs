using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Reads an Elsa 3 workflow definition export (its <c>root</c> an <c>Elsa.Flowchart</c>), or a bare
/// flowchart, into a native definition; a root that is one mapped activity becomes a flowchart of a start
/// and that activity. Findings say what was approximated or kept raw.
/// </summary>
public sealed class ElsaImporter
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public ElsaImportResult Import(string json)
    {
        JsonNode? document;
        try
        {
            // Elsa's own files often start with a byte-order mark, which the JSON reader rejects in a string.
            document = JsonNode.Parse(json.TrimStart('\uFEFF'), documentOptions: Lenient);
        }
        catch (JsonException ex)
        {
            return Failed(FindingCodes.MalformedJson, $"The file is not valid JSON: {ex.Message}");
        }
        if (document is not JsonObject workflow)
        {
            return Failed(FindingCodes.MalformedJson, "An Elsa workflow definition is a JSON object.");
        }

        var isBareFlowchart = ElsaJson.String(workflow["type"]) == ElsaTypeMap.Flowchart;
        if (!isBareFlowchart && workflow["root"] is not JsonObject)
        {
            return Failed(FindingCodes.SchemaViolation, "This is not an Elsa workflow definition: it has no 'root' activity.");
        }

        var findings = new List<ValidationFinding>();
        var variables = ReadVariables(workflow, isBareFlowchart);
        var variableNames = variables.Where(v => v.Id is not null).ToDictionary(v => v.Id!, v => v.Declaration.Name);
        var activities = new ElsaActivityReader(new ElsaInputReader(variableNames, findings), findings);
        var (nodes, connections) = isBareFlowchart
            ? ReadFlowchart(workflow, "$", activities, findings)
            : ReadRoot((JsonObject)workflow["root"]!, activities, findings);

        var definitionId = ElsaJson.String(workflow["definitionId"]) ?? ElsaJson.String(workflow["id"]);
        var name = ElsaJson.String(workflow["name"]);
        var id = ElsaDefinitionId.From(definitionId, name);
        var definition = new WorkflowDefinition
        {
            Id = id,
            Name = string.IsNullOrWhiteSpace(name) ? id : name,
            Description = ElsaJson.String(workflow["description"]),
            Version = workflow["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 0,
            Inputs = ReadInputs(workflow["inputs"] as JsonArray),
            Variables = [.. variables.Select(x => x.Declaration)],
            Activities = nodes,
            Connections = connections,
        };
        return new(definition, findings);
    }

    private static ElsaImportResult Failed(string code, string message) => new(null, [new(code, message, "$")]);

    private static (List<ActivityNode>, List<Connection>) ReadRoot(JsonObject root, ElsaActivityReader activities, List<ValidationFinding> findings)
    {
        if (ElsaJson.String(root["type"]) == ElsaTypeMap.Flowchart) return ReadFlowchart(root, "$.root", activities, findings);

        // A Sequence or other root is not a flowchart; keep it whole as one node rather than guess at its flow.
        List<ActivityNode> nodes = [activities.Read(root, "$.root", 0)];
        List<Connection> connections = [];
        // A single activity we map (e.g. a WriteLine) runs as the whole workflow in Elsa: a flowchart of a start and it.
        if (ElsaTypeMap.ForElsaType(ElsaJson.String(root["type"]) ?? "") is not null) AddStart(nodes, connections, null, "$.root", findings);
        return (nodes, connections);
    }

    private static (List<ActivityNode>, List<Connection>) ReadFlowchart(
        JsonObject flowchart, string path, ElsaActivityReader activities, List<ValidationFinding> findings)
    {
        var nodes = new List<ActivityNode>();
        var elsaActivities = flowchart["activities"] as JsonArray ?? [];
        for (var i = 0; i < elsaActivities.Count; i++)
        {
            if (elsaActivities[i] is JsonObject activity) nodes.Add(activities.Read(activity, $"{path}.activities[{i}]", i));
        }

        var connections = new List<Connection>();
        var elsaConnections = flowchart["connections"] as JsonArray ?? [];
        for (var i = 0; i < elsaConnections.Count; i++)
        {
            if (ReadConnection(elsaConnections[i] as JsonObject) is { } connection) connections.Add(connection);
            else findings.Add(new(FindingCodes.SchemaViolation, "The connection has no source or target activity and was left out.", $"{path}.connections[{i}]"));
        }

        AddStart(nodes, connections, ElsaJson.String(flowchart["start"]), path, findings);
        return (nodes, connections);
    }

    private static void AddStart(List<ActivityNode> nodes, List<Connection> connections, string? rootStart, string path, List<ValidationFinding> findings)
    {
        if (ElsaImplicitStart.For(nodes, connections, rootStart) is { } start)
        {
            nodes.Insert(0, start.Node);
            connections.AddRange(start.Connections);
            findings.Add(new(ElsaFindingCodes.StartAdded,
                $"The flowchart has no Elsa Start; start node '{start.Node.Id}' was added, leading where Elsa begins: "
                + $"{string.Join(", ", start.Connections.Select(c => $"'{c.To}'"))}.",
                path, start.Node.Id));
        }
    }

    /// <summary>Elsa 3.0 wrote <c>source</c>/<c>sourcePort</c>/<c>target</c> strings; later versions write endpoint objects.</summary>
    private static Connection? ReadConnection(JsonObject? connection)
    {
        if (connection is null) return null;
        var (from, port) = connection["source"] is JsonObject source
            ? (ElsaJson.String(source["activity"]), ElsaJson.String(source["port"]))
            : (ElsaJson.String(connection["source"]), ElsaJson.String(connection["sourcePort"]));
        var to = connection["target"] is JsonObject target ? ElsaJson.String(target["activity"]) : ElsaJson.String(connection["target"]);
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to)) return null;
        return new Connection(from, string.IsNullOrEmpty(port) ? Outcomes.Done : port, to);
    }

    private static List<(string? Id, VariableDeclaration Declaration)> ReadVariables(JsonObject workflow, bool isBareFlowchart)
    {
        // Elsa keeps workflow variables at the top and may keep more on the root flowchart; we have one scope.
        var lists = isBareFlowchart ? [workflow["variables"]] : new[] { workflow["variables"], workflow["root"]?["variables"] };
        var result = new List<(string?, VariableDeclaration)>();
        foreach (var variable in lists.OfType<JsonArray>().SelectMany(a => a).OfType<JsonObject>())
        {
            var name = ElsaJson.String(variable["name"]);
            if (string.IsNullOrWhiteSpace(name) || result.Any(r => r.Item2.Name == name)) continue;
            var typeName = ElsaTypeNameOf(variable);
            result.Add((ElsaJson.String(variable["id"]), new VariableDeclaration
            {
                Name = name,
                Type = ElsaLiterals.ToValueType(typeName),
                Default = ElsaLiterals.ByTypeName(variable["value"], typeName),
            }));
        }
        return result;
    }

    private static List<InputDeclaration> ReadInputs(JsonArray? inputs) =>
    [
        .. (inputs ?? []).OfType<JsonObject>()
            .Where(i => !string.IsNullOrWhiteSpace(ElsaJson.String(i["name"])))
            .Select(i => new InputDeclaration
            {
                Name = ElsaJson.String(i["name"])!,
                Type = ElsaLiterals.ToValueType(ElsaTypeNameOf(i)),
                Default = ElsaLiterals.ByTypeName(i["defaultValue"], ElsaTypeNameOf(i)),
                Label = ElsaJson.String(i["displayName"]),
                Help = ElsaJson.String(i["description"]),
            }),
    ];

    /// <summary>Variables say <c>typeName</c>, input definitions <c>type</c>; an array flag turns String into a list.</summary>
    private static string? ElsaTypeNameOf(JsonObject declaration)
    {
        var typeName = ElsaJson.String(declaration["typeName"]) ?? ElsaJson.String(declaration["type"]);
        var isArray = declaration["isArray"] is JsonValue a && a.TryGetValue<bool>(out var flag) && flag;
        return isArray && ElsaLiterals.ShortTypeName(typeName) == "String" ? "String[]" : typeName;
    }
}
