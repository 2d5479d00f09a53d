using System.Text.Json.Nodes;

namespace FocWorkflows.Definitions.Model;

/// <summary>Kinds of value an input or variable holds; the launch form and validation follow it.</summary>
public enum ValueType { String, Text, Number, Integer, Boolean, DateTime, Duration, StringList, Person, TaskForce, Json }

/// <summary>A field the person launching the workflow fills in.</summary>
public sealed record InputDeclaration
{
    public required string Name { get; init; }
    public ValueType Type { get; init; } = ValueType.String;
    public bool Required { get; init; }
    public JsonNode? Default { get; init; }
    public string? Label { get; init; }
    public string? Help { get; init; }
}

/// <summary>A named value the workflow keeps while it runs.</summary>
public sealed record VariableDeclaration
{
    public required string Name { get; init; }
    public ValueType Type { get; init; } = ValueType.Json;
    public JsonNode? Default { get; init; }
}
