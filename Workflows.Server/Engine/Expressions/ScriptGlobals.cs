using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Humanizer;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace FocWorkflows.Server.Engine.Expressions;

// The names a script sees. Every value is a JSON copy parsed inside the engine: a script never
// holds a live .NET object, so it can neither call CLR methods nor alter the caller's data.
internal static partial class ScriptGlobals
{
    private static readonly HashSet<string> GenericAccessors = ["getVariable", "setVariable", "getInput"];

    // Returns the engine's `vars` object, the one thing copied back after the script.
    public static ObjectInstance Bind(JsEngine engine, ExpressionScope scope)
    {
        var parser = new JsonParser(engine);
        var input = parser.Parse(scope.Input.ToJsonString()).AsObject();
        var vars = parser.Parse(scope.Variables.ToJsonString()).AsObject();

        Define(engine, "input", input);
        Define(engine, "vars", vars);
        Define(engine, "outputs", parser.Parse(scope.Outputs.ToJsonString()));
        Define(engine, "taskForce", scope.TaskForce is null ? JsValue.Null : parser.Parse(scope.TaskForce.ToJsonString()));
        // A string, not a Date: it compares, serializes and round-trips like any other JSON value,
        // and `new Date(now)` gives a Date when one is needed (Date.now() agrees with it).
        Define(engine, "now", new JsString(FormatNow(scope.Now)));

        // Elsa 3 compatibility, so imported definitions keep working.
        DefineFunction(engine, "getVariable", (_, args) => vars.Get(NameArgument(args)));
        DefineFunction(engine, "setVariable", (_, args) => Set(vars, NameArgument(args), args.At(1)));
        DefineFunction(engine, "getInput", (_, args) => input.Get(NameArgument(args)));
        foreach (var name in scope.DeclaredVariables)
        {
            var pascal = name.Pascalize();
            // A name that cannot form a JS identifier, or that would replace a generic accessor,
            // stays reachable through getVariable/setVariable and vars.
            if (!Identifier().IsMatch(pascal) || GenericAccessors.Contains("get" + pascal))
            {
                continue;
            }

            DefineFunction(engine, "get" + pascal, (_, _) => vars.Get(name));
            DefineFunction(engine, "set" + pascal, (_, args) => Set(vars, name, args.At(0)));
        }

        return vars;
    }

    public static void CopyVariablesBack(JsEngine engine, ObjectInstance vars, JsonObject target)
    {
        var json = new JsonSerializer(engine).Serialize(vars);
        var copied = JsonNode.Parse(json.AsString())?.AsObject() ?? [];
        target.Clear();
        foreach (var (name, value) in copied)
        {
            target[name] = value?.DeepClone();
        }
    }

    // The same shape as Date.prototype.toISOString, so `now === new Date().toISOString()`.
    public static string FormatNow(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsValue Set(ObjectInstance vars, string name, JsValue value)
    {
        vars.Set(name, value);
        return JsValue.Undefined;
    }

    private static string NameArgument(JsValue[] args) => TypeConverter.ToString(args.At(0));

    // Read-only globals: in strict mode `vars = {}` then fails loudly instead of silently
    // detaching the object that is copied back.
    private static void Define(JsEngine engine, string name, JsValue value) =>
        engine.Global.DefineOwnProperty(name, new PropertyDescriptor(value, PropertyFlag.AllForbidden));

    private static void DefineFunction(JsEngine engine, string name, Func<JsValue, JsValue[], JsValue> body) =>
        Define(engine, name, new ClrFunction(engine, name, body));

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
