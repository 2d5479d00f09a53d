using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>A terse way to write test definitions: nodes, then connections.</summary>
public sealed class Flow(string id)
{
    private readonly List<ActivityNode> _nodes = [];
    private readonly List<Connection> _connections = [];
    private readonly List<VariableDeclaration> _variables = [];
    private readonly List<InputDeclaration> _inputs = [];

    public static Flow Define(string id) => new(id);

    public static JsonNode Js(string source) => SettingValue.JavaScript(source);

    public static JsonNode Liquid(string source) => SettingValue.Liquid(source);

    public Flow Node(string nodeId, string type, object? settings = null)
    {
        var json = settings is null ? [] : (JsonSerializer.SerializeToNode(settings, JsonSerializerOptions.Web) as JsonObject)!;
        _nodes.Add(new ActivityNode { Id = nodeId, Type = type, Settings = json });
        return this;
    }

    public Flow Start(string nodeId = "start") => Node(nodeId, ControlActivityTypes.Start);

    public Flow End(string nodeId = "end") => Node(nodeId, ControlActivityTypes.End);

    public Flow Connect(string from, string to, string outcome = Outcomes.Done)
    {
        _connections.Add(new Connection(from, outcome, to));
        return this;
    }

    /// <summary>Connects each node to the next with Done.</summary>
    public Flow Chain(params string[] nodeIds)
    {
        for (var i = 0; i + 1 < nodeIds.Length; i++) Connect(nodeIds[i], nodeIds[i + 1]);
        return this;
    }

    public Flow Variable(string name, JsonNode? initial = null)
    {
        _variables.Add(new VariableDeclaration { Name = name, Default = initial });
        return this;
    }

    public Flow Input(string name, Definitions.Model.ValueType type = Definitions.Model.ValueType.String, bool required = false)
    {
        _inputs.Add(new InputDeclaration { Name = name, Type = type, Required = required });
        return this;
    }

    public WorkflowDefinition Build() => new()
    {
        Id = id, Name = id, Activities = [.. _nodes], Connections = [.. _connections], Variables = [.. _variables], Inputs = [.. _inputs],
    };
}
