using System.Globalization;

namespace FocWorkflows.Definitions.Globalization;

/// <summary>
/// The culture a reader's dates and numbers are written in: their language's month names and word
/// order, always on the Gregorian calendar. Some cultures default to another one (<c>ar-SA</c> to
/// Umm al-Qura, <c>th</c> to the Buddhist era), and a deadline written in a year the rest of the
/// coalition does not count in would be misread.
/// </summary>
public static class ReaderCulture
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The culture for a language tag; <see langword="null"/> when the tag names no known culture.</summary>
    public static CultureInfo? Find(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        CultureInfo culture;
        try
        {
            // predefinedOnly: ICU would otherwise invent a culture for any well-formed typo.
            culture = CultureInfo.GetCultureInfo(language.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
        if (culture.IsNeutralCulture || culture.Calendar is GregorianCalendar) return culture;
        var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault();
        if (gregorian is null) return English;
        var copy = (CultureInfo)culture.Clone();
        copy.DateTimeFormat.Calendar = gregorian;
        return CultureInfo.ReadOnly(copy);
    }

    /// <summary>The culture for a language tag, or English when it names none.</summary>
    public static CultureInfo For(string? language) => Find(language) ?? English;
}
