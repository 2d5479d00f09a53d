using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Tests.Elsa;

/// <summary>Compares definitions part by part, so a failure names the node or setting that differs.</summary>
internal static class DefinitionAssert
{
    public static void Same(WorkflowDefinition expected, WorkflowDefinition actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Version, actual.Version);

        Assert.Equal(expected.Inputs.Count, actual.Inputs.Count);
        foreach (var (e, a) in expected.Inputs.Zip(actual.Inputs))
        {
            Assert.Equal(e with { Default = null }, a with { Default = null });
            AssertJson(e.Default, a.Default, $"input {e.Name} default");
        }

        Assert.Equal(expected.Variables.Count, actual.Variables.Count);
        foreach (var (e, a) in expected.Variables.Zip(actual.Variables))
        {
            Assert.Equal(e with { Default = null }, a with { Default = null });
            AssertJson(e.Default, a.Default, $"variable {e.Name} default");
        }

        Assert.Equal(expected.Activities.Select(n => n.Id), actual.Activities.Select(n => n.Id));
        foreach (var (e, a) in expected.Activities.Zip(actual.Activities))
        {
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Position, a.Position);
            AssertJson(e.Settings, a.Settings, $"settings of {e.Id}");
        }

        Assert.Equal(expected.Connections, actual.Connections);
    }

    public static void AssertJson(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{what} differ.\nExpected: {expected?.ToJsonString() ?? "null"}\nActual:   {actual?.ToJsonString() ?? "null"}");
}
