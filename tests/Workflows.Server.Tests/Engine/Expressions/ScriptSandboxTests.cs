using FocWorkflows.Server.Engine.Expressions;
using static FocWorkflows.Server.Tests.Engine.Expressions.ExpressionTestScopes;

namespace FocWorkflows.Server.Tests.Engine.Expressions;

public sealed class ScriptSandboxTests
{
    private readonly ScriptEvaluator _evaluator = Evaluator();

    [Fact]
    public void Evaluate_InfiniteLoop_IsStoppedByTheSandbox()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("while(true){}", Create()));

        // Assert
        Assert.Contains("script ran", error.Message);
    }

    [Fact]
    public void Evaluate_LongerThanTimeout_ThrowsTimeoutMessage()
    {
        // Arrange
        var slow = Evaluator(new ExpressionLimits { TimeoutMs = 200, MaxStatements = int.MaxValue });

        // Act
        var error = Assert.Throws<ExpressionException>(() => slow.Evaluate("while(true){}", Create()));

        // Assert
        Assert.Equal("script ran longer than 200 ms", error.Message);
    }

    [Fact]
    public void Evaluate_UnboundedAllocation_ThrowsMemoryLimit()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(
            "var a=[]; while(true){a.push(new Array(100000).join('x'))}", Create()));

        // Assert
        Assert.Contains("memory limit", error.Message);
    }

    [Fact]
    public void Evaluate_DeepRecursion_ThrowsRecursionLimit()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(
            "function down(n) { return down(n + 1); } down(0);", Create()));

        // Assert
        Assert.Contains("recursion depth", error.Message);
    }

    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace")]
    [InlineData("clrType")]
    public void Evaluate_ClrEntryPoints_AreUndefined(string name)
    {
        // Act
        var result = _evaluator.Evaluate($"typeof {name}", Create());

        // Assert
        Assert.Equal("undefined", result!.GetValue<string>());
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("getVariable.GetType().Assembly")]
    public void Evaluate_ClrAccessAttempt_Throws(string script)
    {
        // Act and Assert
        Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(script, Create()));
    }

    [Fact]
    public void Evaluate_ScriptWritesInput_CallerInputUnchanged()
    {
        // Arrange
        var scope = Create(input: """{"title": "Charter", "tags": ["a"]}""");

        // Act
        _evaluator.Evaluate("input.title = 'changed'; input.tags.push('b'); input.extra = 1;", scope);

        // Assert
        Assert.Equal("""{"title":"Charter","tags":["a"]}""", scope.Input.ToJsonString());
    }

    [Fact]
    public void Evaluate_ReassignGlobal_Throws()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("vars = {}", Create()));

        // Assert
        Assert.StartsWith("script error at line 1", error.Message);
    }

    [Fact]
    public void Evaluate_SyntaxError_ThrowsWithLine()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("let a = 1;\nlet b = ;", Create()));

        // Assert
        Assert.True(error.Message.Contains("line 2"), error.Message);
    }

    [Fact]
    public void Evaluate_RuntimeError_ThrowsWithLineAndMessage()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("1;\nmissing.value", Create()));

        // Assert
        Assert.Contains("line 2", error.Message);
        Assert.Contains("missing", error.Message);
    }
}
