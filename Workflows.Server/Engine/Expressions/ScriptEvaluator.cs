using System.Globalization;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Expressions;

// Thread-safe: a fresh engine per evaluation (engines are not thread-safe and would leak globals
// between scripts); only the parsed scripts are shared. A script that is a plain member path is read
// without an engine (MemberPath) whenever it can answer exactly as Jint would.
public sealed class ScriptEvaluator(IOptions<ExpressionLimits> options)
{
    private const int CacheCapacity = 4096;

    private readonly ExpressionLimits _limits = options.Value;
    private readonly BoundedCache<Prepared<Script>> _scripts = new(CacheCapacity);

    // Each text classified once: its member path, or null when it is not one.
    private readonly BoundedCache<MemberPath?> _paths = new(CacheCapacity);

    // The completion value of the script (its last expression statement) as JSON; undefined and
    // values JSON cannot hold (functions, symbols) become null.
    public JsonNode? Evaluate(string script, ExpressionScope scope) =>
        PathOf(script, scope)?.TryEvaluate(scope, out var value) == true
            ? value
            : Run(script, scope, static (engine, result) => ToJson(engine, result));

    // JavaScript truthiness: 0, "", null, undefined and NaN are false.
    public bool EvaluateCondition(string script, ExpressionScope scope) =>
        PathOf(script, scope)?.TryEvaluateCondition(scope, out var value) == true
            ? value
            : Run(script, scope, static (_, result) => TypeConverter.ToBoolean(result));

    private MemberPath? PathOf(string script, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        return _paths.GetOrAdd(script, MemberPath.TryParse);
    }

    private T Run<T>(string script, ExpressionScope scope, Func<JsEngine, JsValue, T> read)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            var prepared = _scripts.GetOrAdd(script, static text => JsEngine.PrepareScript(text, strict: true));
            using var engine = CreateEngine(scope.Now);
            var vars = ScriptGlobals.Bind(engine, scope);
            var result = read(engine, engine.Evaluate(prepared));
            // Only after success: a failing script leaves the variables as they were.
            ScriptGlobals.CopyVariablesBack(engine, vars, scope.Variables);
            return result;
        }
        catch (Exception e) when ((e as ParseErrorException ?? e.InnerException as ParseErrorException) is { } syntax)
        {
            // PrepareScript wraps the parser's error; its own text names no line we can rely on.
            throw new ExpressionException(
                $"script syntax error at line {syntax.LineNumber}, column {syntax.Column}: {syntax.Description}", e);
        }
        catch (JavaScriptException e)
        {
            throw new ExpressionException($"script error at line {e.Location.Start.Line}: {e.Message}", e);
        }
        catch (TimeoutException e)
        {
            throw new ExpressionException($"script ran longer than {_limits.TimeoutMs} ms", e);
        }
        catch (StatementsCountOverflowException e)
        {
            throw new ExpressionException($"script ran more than {_limits.MaxStatements} statements", e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new ExpressionException(
                $"script exceeded the memory limit of {_limits.MemoryBytes.ToString(CultureInfo.InvariantCulture)} bytes", e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new ExpressionException($"script exceeded the recursion depth of {_limits.RecursionDepth}", e);
        }
        catch (JintException e)
        {
            throw new ExpressionException($"script failed: {e.Message}", e);
        }
    }

    private JsEngine CreateEngine(DateTimeOffset now) => new(engineOptions =>
    {
        engineOptions.Strict = true;
        engineOptions.TimeoutInterval(TimeSpan.FromMilliseconds(_limits.TimeoutMs));
        engineOptions.MaxStatements(_limits.MaxStatements);
        engineOptions.LimitMemory(_limits.MemoryBytes);
        engineOptions.LimitRecursion(_limits.RecursionDepth);
        engineOptions.Culture = CultureInfo.InvariantCulture;
        engineOptions.TimeSystem = new FixedClockTimeSystem(now);
        // No AllowClr: no importNamespace, no System.*. The rest closes the reflection doors in
        // case a CLR value ever reaches a script.
        engineOptions.Interop.AllowGetType = false;
        engineOptions.Interop.AllowSystemReflection = false;
    });

    private static JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined())
        {
            return null;
        }

        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }
}
