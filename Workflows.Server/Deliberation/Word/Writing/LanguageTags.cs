using System.Globalization;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>What a document needs to know of a language tag.</summary>
internal static class LanguageTags
{
    public static bool IsRightToLeft(string tag) => Culture(tag)?.TextInfo.IsRightToLeft == true;

    /// <summary>The language's own name ("français"), or the tag when the machine does not know it.</summary>
    public static string NativeName(string tag) => Culture(tag) is { } culture && culture.NativeName.Length > 0 ? culture.NativeName : tag;

    private static CultureInfo? Culture(string tag)
    {
        try { return CultureInfo.GetCultureInfo(tag); }
        catch (CultureNotFoundException) { return null; }
    }
}
