using System.Text.RegularExpressions;

namespace FocWorkflows.Definitions.Elsa;

/// <summary>Elsa ids are free text; ours must be file- and URL-safe, so foreign ones become kebab-case.</summary>
internal static partial class ElsaDefinitionId
{
    public static string From(string? elsaId, string? name)
    {
        if (elsaId is not null && ValidId().IsMatch(elsaId)) return elsaId;
        var kebab = Kebab(elsaId);
        if (kebab.Length == 0) kebab = Kebab(name);
        return kebab.Length == 0 ? "elsa-workflow" : kebab;
    }

    private static string Kebab(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var words = WordBoundary().Replace(text.Trim(), "$1-$2").ToLowerInvariant();
        return Separators().Replace(words, "-").Trim('-', '.', '_');
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex ValidId();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();

    [GeneratedRegex("[^a-z0-9_.-]+")]
    private static partial Regex Separators();
}
