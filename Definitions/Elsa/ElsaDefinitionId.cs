using System.Text.RegularExpressions;
using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>Elsa ids are free text; ours must be file- and URL-safe, so foreign ones become kebab-case.</summary>
internal static partial class ElsaDefinitionId
{
    public static string From(string? elsaId, string? name)
    {
        if (DefinitionId.IsValid(elsaId)) return elsaId!;
        var kebab = Kebab(elsaId);
        if (kebab.Length == 0) kebab = Kebab(name);
        // Ours are at most DefinitionId.MaxLength characters; a longer foreign id is cut, never refused.
        if (kebab.Length > DefinitionId.MaxLength) kebab = kebab[..DefinitionId.MaxLength].TrimEnd('-', '.', '_');
        return kebab.Length == 0 ? "elsa-workflow" : kebab;
    }

    private static string Kebab(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var words = WordBoundary().Replace(text.Trim(), "$1-$2").ToLowerInvariant();
        return Separators().Replace(words, "-").Trim('-', '.', '_');
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();

    [GeneratedRegex("[^a-z0-9_.-]+")]
    private static partial Regex Separators();
}
