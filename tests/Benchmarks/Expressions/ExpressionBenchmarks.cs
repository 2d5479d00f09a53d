using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FocWorkflows.Server.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Benchmarks.Expressions;

/// <summary>
/// One JavaScript setting and one Liquid message, through the same evaluator and renderer the
/// engine uses: the script is parsed once and cached, each evaluation gets a fresh sandboxed Jint
/// engine; the template is parsed once, each render gets a fresh context.
/// </summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private const string Condition = "vars.endorsements.length >= input.quorum && input.title.length > 0";

    private const string Message =
        "Dear {{ input.name }},\nThe consultation on \"{{ input.title }}\" closes on {{ vars.deadline | date: \"%d %B %Y\" }}.\n" +
        "{% for member in vars.endorsements %}{{ member }}{% unless forloop.last %}, {% endunless %}{% endfor %} endorsed it.";

    private readonly ScriptEvaluator _scripts = new(Options.Create(new ExpressionLimits()));
    private readonly TemplateRenderer _templates = new(Options.Create(new ExpressionLimits()));

    private readonly ExpressionScope _scope = new()
    {
        Now = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero),
        Input = new JsonObject { ["title"] = "AI and Human Rights", ["name"] = "Ada Lovelace", ["quorum"] = 3 },
        Variables = new JsonObject
        {
            ["deadline"] = "2026-12-11T17:00:00Z",
            ["endorsements"] = new JsonArray("Canada", "Ghana", "Estonia", "Switzerland"),
        },
    };

    [GlobalSetup]
    public void CheckResults()
    {
        // Warms both caches, and refuses to measure an evaluator that gives the wrong answer.
        if (!JintCondition()) throw new InvalidOperationException("The condition should be true.");
        var text = FluidMessage();
        if (!text.Contains("11 December 2026") || !text.Contains("Canada, Ghana, Estonia, Switzerland endorsed it."))
            throw new InvalidOperationException($"Unexpected message: {text}");
    }

    [Benchmark(Description = "Jint condition (cached prepared script)")]
    public bool JintCondition() => _scripts.EvaluateCondition(Condition, _scope);

    [Benchmark(Description = "Fluid message (cached template)")]
    public string FluidMessage() => _templates.Render(Message, _scope);
}
