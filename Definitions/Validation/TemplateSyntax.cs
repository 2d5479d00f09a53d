using Fluid;

namespace FocWorkflows.Definitions.Validation;

/// <summary>Checks Liquid templates with Fluid, the library the server renders them with.</summary>
public static class TemplateSyntax
{
    // Building a parser compiles its grammar; a built one is safe to share between threads.
    private static readonly FluidParser Parser = new();

    /// <summary>The parser's complaint (it names the position), or null when the template parses.</summary>
    public static string? Check(string source)
    {
        if (Parser.TryParse(source, out _, out var error)) return null;
        // Fluid appends the whole template after "Source:"; the finding's path already points at it.
        var cut = error.IndexOf("\nSource:", StringComparison.Ordinal);
        return (cut >= 0 ? error[..cut] : error).Trim();
    }
}
