using System.Text.Json.Nodes;

namespace FocWorkflows.Server.Engine.Expressions;

// A script that is only a member path (`input.key`, `vars.round`, `outputs["node-id"].x`, `now`),
// read straight from the scope's JSON. Settings are evaluated on the engine's hot path and most of
// them are such paths: a workflow start whose correlation key is `input.key` should not build a
// sandboxed Jint engine and copy the whole scope into it (~30 KB and tens of microseconds) to read
// one property. The answer is the one Jint gives (JintJson copies the value as Jint's JSON round
// trip would); where Jint might answer otherwise (a step that is missing, null or not an object, a
// name every object inherits) the path declines and the caller runs Jint, so its errors and edge
// cases stay its own.
internal sealed class MemberPath
{
    // What every object inherits from Object.prototype: `input.constructor` is a function to Jint, not
    // a missing key. A test keeps this list in step with Jint's.
    internal static readonly HashSet<string> InheritedNames =
    [
        "constructor", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
        "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf",
        "__proto__",
    ];

    // JavaScript's ASCII white space; any other character before or after a path leaves it to Jint.
    private const string WhiteSpace = " \t\n\r\v\f";

    private readonly Root _root;
    private readonly string[] _names;

    private MemberPath(Root root, string[] names)
    {
        _root = root;
        _names = names;
    }

    private enum Root
    {
        Input,
        Vars,
        Outputs,
        TaskForce,
        Now,
    }

    // Null when the script is anything but a root name followed by `.name` and `["name"]`/`['name']`
    // steps (no escapes), with white space around and one `;` after it allowed.
    public static MemberPath? TryParse(string script)
    {
        var text = script.AsSpan().Trim(WhiteSpace);
        if (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd(WhiteSpace);
        }

        var length = IdentifierLength(text);
        Root? root = text[..length] switch
        {
            "input" => Root.Input,
            "vars" => Root.Vars,
            "outputs" => Root.Outputs,
            "taskForce" => Root.TaskForce,
            "now" => Root.Now,
            _ => null,
        };
        if (root is not { } found)
        {
            return null;
        }

        var names = new List<string>();
        var rest = text[length..];
        while (!rest.IsEmpty)
        {
            var step = StepLength(rest, out var name);
            if (step == 0 || InheritedNames.Contains(name))
            {
                return null;
            }

            names.Add(name);
            rest = rest[step..];
        }

        // `now` is a string: its properties are Jint's business.
        return found == Root.Now && names.Count > 0 ? null : new MemberPath(found, [.. names]);
    }

    // Evaluate's answer, or false when Jint must give it.
    public bool TryEvaluate(ExpressionScope scope, out JsonNode? value)
    {
        value = null;
        if (!TryFind(scope, out var found))
        {
            return false;
        }

        value = JintJson.Copy(found);
        return true;
    }

    // EvaluateCondition's answer, or false when Jint must give it.
    public bool TryEvaluateCondition(ExpressionScope scope, out bool value)
    {
        var answered = TryFind(scope, out var found);
        value = answered && JintJson.IsTruthy(found);
        return answered;
    }

    // The node at the end of the path; null when it is JSON null or the last name is missing.
    private bool TryFind(ExpressionScope scope, out JsonNode? found)
    {
        found = _root switch
        {
            Root.Input => scope.Input,
            Root.Vars => scope.Variables,
            Root.Outputs => scope.Outputs,
            Root.TaskForce => scope.TaskForce,
            _ => JsonValue.Create(ScriptGlobals.FormatNow(scope.Now)),
        };
        foreach (var name in _names)
        {
            // A missing or null step is an error in Jint and a string or an array has properties of
            // its own there; a case-insensitive object would find keys Jint does not.
            if (found is not JsonObject step || step.Options is { PropertyNameCaseInsensitive: true })
            {
                found = null;
                return false;
            }

            found = step.TryGetPropertyValue(name, out var next) ? next : null;
        }

        return true;
    }

    // The length of `.name` or `["name"]` at the start of the text, 0 when neither is there.
    private static int StepLength(ReadOnlySpan<char> text, out string name)
    {
        name = "";
        if (text[0] == '.')
        {
            var length = IdentifierLength(text[1..]);
            if (length == 0)
            {
                return 0;
            }

            name = text.Slice(1, length).ToString();
            return 1 + length;
        }

        if (text.Length < 4 || text[0] != '[' || text[1] is not ('"' or '\''))
        {
            return 0;
        }

        var close = text[2..].IndexOf(text[1]);
        if (close < 0 || 2 + close + 1 >= text.Length || text[2 + close + 1] != ']')
        {
            return 0;
        }

        var literal = text.Slice(2, close);
        if (literal.IndexOfAny("\\\n\r\u2028\u2029") >= 0)
        {
            return 0;
        }

        name = literal.ToString();
        return 2 + close + 2;
    }

    private static int IdentifierLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        while (length < text.Length && (char.IsAsciiLetter(text[length]) || text[length] is '_' or '$'
                   || (length > 0 && char.IsAsciiDigit(text[length]))))
        {
            length++;
        }

        return length;
    }
}
