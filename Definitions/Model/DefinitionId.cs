using System.Text.RegularExpressions;

namespace FocWorkflows.Definitions.Model;

/// <summary>
/// What a definition id may be: it is a path segment of the API and the Designer and a key of stored
/// instances, so letters, digits, '-', '_' and '.' only, starting with a letter or digit, at most
/// <see cref="MaxLength"/> characters. Kebab-case (<c>joint-statement</c>) is the house style; the
/// other characters keep imported Elsa ids as they were.
/// </summary>
public static partial class DefinitionId
{
    public const int MaxLength = 100;

    public const string Rule = "must be 1 to 100 letters, digits, '-', '_' or '.', starting with a letter or digit, e.g. joint-statement.";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    // \z, not $: $ also matches before a final line break.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
