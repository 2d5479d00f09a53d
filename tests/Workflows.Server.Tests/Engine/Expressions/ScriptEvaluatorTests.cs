using FocWorkflows.Server.Engine.Expressions;
using static FocWorkflows.Server.Tests.Engine.Expressions.ExpressionTestScopes;

namespace FocWorkflows.Server.Tests.Engine.Expressions;

public sealed class ScriptEvaluatorTests
{
    private readonly ScriptEvaluator _evaluator = Evaluator();

    [Fact]
    public void Evaluate_Arithmetic_ReturnsNumber()
    {
        // Act
        var result = _evaluator.Evaluate("1 + 2 * 3", Create());

        // Assert
        Assert.Equal(7, result!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_InputVarsOutputsAndTaskForce_AreVisible()
    {
        // Arrange
        var scope = Create(
            input: """{"votes": 4}""",
            variables: """{"quorum": 3}""",
            outputs: """{"round-1": {"adopted": true}}""");

        // Act
        var result = _evaluator.Evaluate(
            "[input.votes >= vars.quorum, outputs['round-1'].adopted, taskForce.name]", scope);

        // Assert
        Assert.Equal("""[true,true,"Digital Rights"]""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_Statements_ReturnsLastExpressionValue()
    {
        // Act
        var result = _evaluator.Evaluate("const a = 2; let b = a * 10; b + 1;", Create());

        // Assert
        Assert.Equal(21, result!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_Undefined_ReturnsNull()
    {
        // Act
        var result = _evaluator.Evaluate("undefined", Create());

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Evaluate_Now_IsIsoStringOfScopeNowAndDateAgrees()
    {
        // Act
        var result = _evaluator.Evaluate("[now, new Date().toISOString() === now]", Create());

        // Assert
        Assert.Equal("""["2025-03-10T12:00:00.000Z",true]""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_SetVariableAndDirectAssignment_ChangeScopeVariables()
    {
        // Arrange
        var scope = Create(variables: """{"count": 1}""");

        // Act
        _evaluator.Evaluate("setVariable('status', 'open'); vars.count = getVariable('count') + 1;", scope);

        // Assert
        Assert.Equal("open", scope.Variables["status"]!.GetValue<string>());
        Assert.Equal(2, scope.Variables["count"]!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_GeneratedAccessors_ChangeScopeVariables()
    {
        // Arrange
        var scope = Create(variables: """{"roundCount": 2}""", declaredVariables: ["roundCount", "chair_name"]);

        // Act
        _evaluator.Evaluate("setRoundCount(getRoundCount() + 1); setChairName('Ana');", scope);

        // Assert
        Assert.Equal(3, scope.Variables["roundCount"]!.GetValue<double>());
        Assert.Equal("Ana", scope.Variables["chair_name"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_GetInput_ReadsInput()
    {
        // Act
        var result = _evaluator.Evaluate("getInput('title')", Create(input: """{"title": "Charter"}"""));

        // Assert
        Assert.Equal("Charter", result!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_FailingScript_LeavesVariablesUnchanged()
    {
        // Arrange
        var scope = Create(variables: """{"count": 1}""");

        // Act
        Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("vars.count = 5; throw new Error('stop');", scope));

        // Assert
        Assert.Equal(1, scope.Variables["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("input.votes > 3", true)]
    [InlineData("input.votes > 10", false)]
    [InlineData("''", false)]
    [InlineData("'yes'", true)]
    [InlineData("0", false)]
    [InlineData("null", false)]
    [InlineData("[]", true)]
    public void EvaluateCondition_Values_FollowJavaScriptTruthiness(string script, bool expected)
    {
        // Act
        var result = _evaluator.EvaluateCondition(script, Create(input: """{"votes": 4}"""));

        // Assert
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Evaluate_SameScriptTwice_GivesSameResultFromCache()
    {
        // Arrange
        const string script = "input.votes * 2";

        // Act
        var first = _evaluator.Evaluate(script, Create(input: """{"votes": 2}"""));
        var second = _evaluator.Evaluate(script, Create(input: """{"votes": 5}"""));

        // Assert
        Assert.Equal(4, first!.GetValue<double>());
        Assert.Equal(10, second!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_ConcurrentCalls_EachSeesItsOwnScope()
    {
        // Arrange
        var results = new double[64];

        // Act
        Parallel.For(0, results.Length, i =>
        {
            var scope = Create(input: $$"""{"n": {{i}}}""");
            results[i] = _evaluator.Evaluate("setVariable('seen', input.n); input.n * 2", scope)!.GetValue<double>();
        });

        // Assert
        Assert.Equal(Enumerable.Range(0, results.Length).Select(i => i * 2.0), results);
    }
}
