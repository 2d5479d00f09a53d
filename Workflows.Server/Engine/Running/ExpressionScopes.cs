using FocWorkflows.Server.Engine.Expressions;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>What scripts and templates see during a burst. Variables are live: scripts may set them.</summary>
internal static class ExpressionScopes
{
    public static ExpressionScope For(Burst burst) => new()
    {
        Input = burst.Input,
        Variables = burst.State.Variables,
        Outputs = burst.State.Outputs,
        TaskForce = burst.TaskForce,
        Now = burst.Now,
        DeclaredVariables = [.. burst.Definition.Variables.Select(v => v.Name)],
    };
}
