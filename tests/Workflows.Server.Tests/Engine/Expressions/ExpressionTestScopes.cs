using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Tests.Engine.Expressions;

internal static class ExpressionTestScopes
{
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static ExpressionScope Create(
        string input = "{}",
        string variables = "{}",
        string outputs = "{}",
        string? culture = null,
        params string[] declaredVariables) => new()
    {
        Input = JsonNode.Parse(input)!.AsObject(),
        Variables = JsonNode.Parse(variables)!.AsObject(),
        Outputs = JsonNode.Parse(outputs)!.AsObject(),
        TaskForce = JsonNode.Parse("""{"id":"tf-digital-rights","name":"Digital Rights"}"""),
        Now = Now,
        Culture = culture,
        DeclaredVariables = declaredVariables,
    };

    public static ScriptEvaluator Evaluator(ExpressionLimits? limits = null) =>
        new(Options.Create(limits ?? new ExpressionLimits()));

    public static TemplateRenderer Renderer(ExpressionLimits? limits = null) =>
        new(Options.Create(limits ?? new ExpressionLimits()));
}
