using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Expressions;
using static FocWorkflows.Server.Tests.Engine.Expressions.ExpressionTestScopes;

namespace FocWorkflows.Server.Tests.Engine.Expressions;

// A member path is read without Jint; `(input.n)` is no path, so it shows what Jint answers.
public sealed class MemberPathTests
{
    private readonly ScriptEvaluator _evaluator = Evaluator();

    public static TheoryData<string> JsonValues =>
    [
        "1.5", "2", "2.0", "-3", "1e3", "1E+2", "0", "-0", "0.0", "-0.0", "0.1", "0.30000000000000004",
        "1e21", "1e-7", "5e-324", "1e-400", "1e400", "-1e400", "9007199254740993", "12345678901234567890",
        "123456789012345678901234567890",
        "\"\"", "\"0\"", "\"text\"", "\" \"",
        "\"caf\\u00e9 é \\ud83d\\ude00 \\\"q\\\" \\\\ / \\n\\r\\t\\b\\f \\u0001 \\u001f \\u2028 </script>\"",
        "true", "false", "null", "[]", "{}", "[null, 1.0, \"x\", [[]], {}]",
        """{"b": 1, "2": 2, "a": {"x": [1, 2.0, {"10": 1, "9": 2, "-1": 3, "01": 4, "4294967295": 5, "4294967294": 6, "0": 7}]}}""",
        """{"__proto__": {"a": 1}, "constructor": "c"}""",
        """{"ключ": "значение", "": {"": []}}""",
    ];

    [Theory]
    [MemberData(nameof(JsonValues))]
    public void Evaluate_JsonValue_SameAsJint(string json)
    {
        // Arrange
        var scope = Create(input: $$"""{"n": {{json}}}""");

        // Act
        var fast = _evaluator.Evaluate("input.n", scope);
        var jint = _evaluator.Evaluate("(input.n)", scope);

        // Assert
        Assert.True(MemberPath.TryParse("input.n")!.TryEvaluate(scope, out _));
        AssertSame(jint, fast);
    }

    [Theory]
    [MemberData(nameof(JsonValues))]
    public void EvaluateCondition_JsonValue_SameAsJint(string json)
    {
        // Arrange
        var scope = Create(input: $$"""{"n": {{json}}}""");

        // Act
        var fast = _evaluator.EvaluateCondition("input.n", scope);
        var jint = _evaluator.EvaluateCondition("(input.n)", scope);

        // Assert
        Assert.True(MemberPath.TryParse("input.n")!.TryEvaluateCondition(scope, out _));
        Assert.Equal(jint, fast);
    }

    [Fact]
    public void Evaluate_ValuesBuiltInCode_SameAsJint()
    {
        // Arrange
        JsonNode?[] values =
        [
            JsonValue.Create(2.0), JsonValue.Create(0.1f), JsonValue.Create(1.10m), JsonValue.Create(long.MaxValue),
            JsonValue.Create(ulong.MaxValue), JsonValue.Create(-0.0), JsonValue.Create(7), JsonValue.Create(true),
            JsonValue.Create('x'), JsonValue.Create(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff")),
            JsonValue.Create(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.FromHours(1))),
            JsonValue.Create(new Dictionary<string, double> { ["b"] = 1.0, ["1"] = 2.5 }),
            JsonValue.Create(JsonDocument.Parse("2.0").RootElement),
            new JsonObject { ["3"] = 1.5, ["x"] = new JsonArray(1m, "é", null) },
        ];

        foreach (var value in values)
        {
            // Jint copies the variables back, so each read gets its own scope.
            ExpressionScope ScopeWithValue() => new() { Variables = new JsonObject { ["n"] = value?.DeepClone() }, Now = Now };

            // Act
            var fast = _evaluator.Evaluate("vars.n", ScopeWithValue());
            var fastCondition = _evaluator.EvaluateCondition("vars.n", ScopeWithValue());
            var jint = _evaluator.Evaluate("(vars.n)", ScopeWithValue());
            var jintCondition = _evaluator.EvaluateCondition("(vars.n)", ScopeWithValue());

            // Assert
            AssertSame(jint, fast);
            Assert.Equal(jintCondition, fastCondition);
        }
    }

    [Theory]
    [InlineData("\"\"", false)]
    [InlineData("\"0\"", true)]
    [InlineData("\"false\"", true)]
    [InlineData("0", false)]
    [InlineData("-0", false)]
    [InlineData("0.0", false)]
    [InlineData("1e-400", false)]
    [InlineData("1e400", true)]
    [InlineData("-1", true)]
    [InlineData("null", false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("[]", true)]
    [InlineData("{}", true)]
    public void EvaluateCondition_Value_FollowsJavaScriptTruthiness(string json, bool expected)
    {
        // Act
        var result = _evaluator.EvaluateCondition("vars.flag", Create(variables: $$"""{"flag": {{json}}}"""));

        // Assert
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Evaluate_MissingLastName_IsNullAndFalse()
    {
        // Arrange
        var scope = Create(outputs: """{"draft": {}}""");

        // Act
        var value = _evaluator.Evaluate("outputs.draft.version", scope);
        var condition = _evaluator.EvaluateCondition("outputs.draft.version", scope);

        // Assert
        Assert.Null(value);
        Assert.False(condition);
        Assert.True(MemberPath.TryParse("outputs.draft.version")!.TryEvaluate(scope, out _));
    }

    [Theory]
    [InlineData("outputs[\"node-id\"].x", 1)]
    [InlineData("outputs['node-id']['x']", 1)]
    [InlineData("outputs[\"node-id\"][\"a b.c\"]", 2)]
    [InlineData("outputs['node-id'][\"\"]", 3)]
    [InlineData("outputs['node-id'][\"it's\"]", 4)]
    [InlineData("outputs[\"node-id\"]['say \"hi\"']", 5)]
    [InlineData("  outputs['node-id'].x ; ", 1)]
    [InlineData("outputs.$_9.x;", 6)]
    public void Evaluate_BracketAndDotSteps_ReadThePath(string script, int expected)
    {
        // Arrange
        var scope = Create(outputs: """
            {"node-id": {"x": 1, "a b.c": 2, "": 3, "it's": 4, "say \"hi\"": 5}, "$_9": {"x": 6}}
            """);

        // Act
        var result = _evaluator.Evaluate(script, scope);

        // Assert
        Assert.NotNull(MemberPath.TryParse(script));
        Assert.Equal(expected, result!.GetValue<int>());
    }

    [Theory]
    [InlineData("input")]
    [InlineData("vars.round")]
    [InlineData("taskForce")]
    [InlineData("taskForce.name")]
    [InlineData("now")]
    [InlineData("now;")]
    [InlineData("\t\r\n input.key \n")]
    [InlineData("input[\"a\"]['b'].c")]
    [InlineData("input.class")]
    public void TryParse_MemberPath_IsPath(string script)
    {
        // Act
        var path = MemberPath.TryParse(script);

        // Assert
        Assert.NotNull(path);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";")]
    [InlineData("inputs.key")]
    [InlineData("Input.key")]
    [InlineData("input.key;;")]
    [InlineData("input. key")]
    [InlineData("input .key")]
    [InlineData("input..key")]
    [InlineData("input.")]
    [InlineData("input.9")]
    [InlineData("input[0]")]
    [InlineData("input[ 'a' ]")]
    [InlineData("input['a\\'b']")]
    [InlineData("input[\"a\\nb\"]")]
    [InlineData("input['a\"]")]
    [InlineData("input['a'")]
    [InlineData("input?.key")]
    [InlineData("input.key()")]
    [InlineData("input.key + 1")]
    [InlineData("(input.key)")]
    [InlineData("input.key // note")]
    [InlineData("input.clé")]
    [InlineData("\u00a0input.key")]
    [InlineData("\ufeffinput.key")]
    [InlineData("now.length")]
    [InlineData("input.constructor")]
    [InlineData("input['__proto__']")]
    [InlineData("input.a.toString")]
    public void TryParse_OtherScript_IsNoPath(string script)
    {
        // Act
        var path = MemberPath.TryParse(script);

        // Assert
        Assert.Null(path);
    }

    [Theory]
    [InlineData("{}", "input.a.b")]
    [InlineData("""{"a": null}""", "input.a.b")]
    [InlineData("""{"a": {}}""", "input.a.b.c")]
    public void Evaluate_MissingOrNullStep_FailsAsJint(string input, string script)
    {
        // Arrange
        var scope = Create(input: input);

        // Act
        var fast = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(script, scope));
        var jint = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate($"({script})", scope));
        var condition = Assert.Throws<ExpressionException>(() => _evaluator.EvaluateCondition(script, scope));

        // Assert
        Assert.False(MemberPath.TryParse(script)!.TryEvaluate(scope, out _));
        Assert.Equal(jint.Message, fast.Message);
        Assert.Equal(jint.Message, condition.Message);
    }

    [Fact]
    public void Evaluate_NullTaskForceThenName_FailsAsJint()
    {
        // Arrange
        var scope = new ExpressionScope { Now = Now };

        // Act
        var fast = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("taskForce.name", scope));
        var jint = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("(taskForce.name)", scope));

        // Assert
        Assert.Equal(jint.Message, fast.Message);
        Assert.Null(_evaluator.Evaluate("taskForce", scope));
        Assert.False(_evaluator.EvaluateCondition("taskForce", scope));
    }

    [Theory]
    [InlineData("input.name.length", "4")]
    [InlineData("input.list.length", "2")]
    [InlineData("input['list']['length']", "2")]
    [InlineData("input.name.big", "null")]
    public void Evaluate_StepIntoStringOrArray_AnswersAsJint(string script, string expected)
    {
        // Arrange
        var scope = Create(input: """{"name": "Ana!", "list": [1, 2]}""");

        // Act
        var result = _evaluator.Evaluate(script, scope);

        // Assert
        Assert.False(MemberPath.TryParse(script)!.TryEvaluate(scope, out _));
        Assert.Equal(expected, result?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Evaluate_CaseInsensitiveObject_LeftToJint()
    {
        // Arrange
        var options = new JsonNodeOptions { PropertyNameCaseInsensitive = true };
        var scope = new ExpressionScope { Input = JsonNode.Parse("""{"Key": "k"}""", options)!.AsObject(), Now = Now };

        // Act
        var result = _evaluator.Evaluate("input.key", scope);

        // Assert
        Assert.False(MemberPath.TryParse("input.key")!.TryEvaluate(scope, out _));
        Assert.Null(result);
    }

    [Fact]
    public void Evaluate_Now_SameAsJint()
    {
        // Arrange
        var scope = Create();

        // Act
        var fast = _evaluator.Evaluate("now", scope);
        var jint = _evaluator.Evaluate("(now)", scope);

        // Assert
        Assert.Equal("2025-03-10T12:00:00.000Z", fast!.GetValue<string>());
        AssertSame(jint, fast);
        Assert.True(_evaluator.EvaluateCondition("now;", scope));
    }

    [Fact]
    public void Evaluate_Path_ReturnsCopyAndLeavesVariablesAlone()
    {
        // Arrange
        var scope = Create(variables: """{"draft": {"version": 2}}""");
        var draft = scope.Variables["draft"];

        // Act
        var result = _evaluator.Evaluate("vars.draft", scope)!.AsObject();
        result["version"] = 3;

        // Assert
        Assert.Same(draft, scope.Variables["draft"]);
        Assert.Equal(2, scope.Variables["draft"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public void InheritedNames_AreObjectPrototypeProperties()
    {
        // Act
        var names = _evaluator.Evaluate("Object.getOwnPropertyNames(Object.prototype)", Create())!.AsArray();

        // Assert
        Assert.Equal(
            names.Select(name => name!.GetValue<string>()).Order(StringComparer.Ordinal),
            MemberPath.InheritedNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_APath_IsReadWithoutAScriptEngine_WhereJintCouldNotRunAtAll()
    {
        // Arrange: a memory limit no Jint engine can start under (the globals alone exceed it).
        var starved = Evaluator(new ExpressionLimits { MemoryBytes = 1 });
        var scope = Create(input: """{"key": "tf-digital-rights/charter-2025"}""");

        // Act
        var path = starved.Evaluate("input.key", scope);

        // Assert: the same script in parentheses is not a path, goes to Jint, and fails there.
        Assert.Equal("tf-digital-rights/charter-2025", path!.GetValue<string>());
        Assert.Throws<ExpressionException>(() => starved.Evaluate("(input.key)", scope));
    }

    // The same JSON, the same JsonNode kinds, and for a value the same text and backing element.
    private static void AssertSame(JsonNode? expected, JsonNode? actual)
    {
        Assert.Equal(expected?.ToJsonString(), actual?.ToJsonString());
        Assert.Equal(expected?.GetType(), actual?.GetType());
        if (expected is JsonValue value)
        {
            Assert.Equal(value.GetValue<JsonElement>().GetRawText(), actual!.GetValue<JsonElement>().GetRawText());
        }
    }
}
