using Acornima;
using Jint;

namespace FocWorkflows.Definitions.Validation;

/// <summary>
/// Checks JavaScript the way the server will read it, without running it. The server parses with
/// Jint too, so a script that passes here never fails to parse there.
/// </summary>
public static class ScriptSyntax
{
    // The analysis pass only speeds up later runs; we throw the prepared script away.
    private static readonly ScriptPreparationOptions ParseOnly = new() { StaticAnalysis = false };

    // Names a script cannot use for a binding; an input or variable named so could not be read
    // through the server's get<Name>/set<Name> helpers or destructured by authors.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements",
        "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected",
        "public", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var",
        "void", "while", "with", "yield",
    };

    /// <summary>The parser's complaint with its line and column, or null when the script parses.</summary>
    public static string? Check(string source)
    {
        try
        {
            Engine.PrepareScript(source, options: ParseOnly);
            return null;
        }
        // Jint wraps the parser's exception; the parser's own one carries the position.
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            return Describe(parse);
        }
        catch (ParseErrorException parse)
        {
            return Describe(parse);
        }
    }

    private static string Describe(ParseErrorException parse) =>
        $"{parse.Description} (line {parse.LineNumber}, column {parse.Column + 1})";

    public static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsLetter(name[0]) || name[0] is '_' or '$')
        && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$')
        && !ReservedWords.Contains(name);
}
