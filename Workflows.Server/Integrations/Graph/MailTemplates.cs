using System.Globalization;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// The built-in mails that activities ask for by name, rendered at delivery (so "closes 3 days from
/// now" is true when the mail leaves) in the reader's language when it has a wording (see
/// <see cref="MailWordings"/>), else in English. Liquid sees the message's payload as <c>input</c> and
/// <c>vars.link</c>, <c>vars.name</c>, <c>vars.deadline</c> (the deadline in the reader's zone and
/// culture) and <c>vars.deadlineAt</c> (the moment, for <c>humanize</c>).
/// </summary>
internal static class MailTemplates
{
    public sealed record Template(string Subject, string Body, string DeadlineField, string? LinkPath);

    /// <summary>Where each template's deadline is in the payload, and what its link opens.</summary>
    private static readonly IReadOnlyDictionary<string, (string DeadlineField, string LinkPath)> Shapes =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["consultation-opened"] = ("closesAt", "consultations"),
            ["consultation-reminder"] = ("closesAt", "consultations"),
            ["approval-opened"] = ("deadline", "approvals"),
            ["approval-extended"] = ("deadline", "approvals"),
            ["approval-withdrawn"] = ("deadline", "approvals"),
            // No deadline: a withdrawn window needs no personal link, the plain address of its page serves.
            ["consultation-withdrawn"] = ("closesAt", "consultations"),
        };

    public static bool Exists(string name) => Shapes.ContainsKey(name);

    public static IEnumerable<string> Names => Shapes.Keys;

    /// <summary>The template in <paramref name="language"/> (a tag such as <c>fr</c> or <c>es-MX</c>), else in English.</summary>
    public static Template? Find(string name, string? language)
    {
        if (!Shapes.TryGetValue(name, out var shape)) return null;
        var wording = MailWordings.For(Neutral(language)) ?? MailWordings.English;
        var (subject, body) = wording.Texts[name.ToLowerInvariant()];
        return new Template(subject, wording.Greeting + body + wording.Signature, shape.DeadlineField, shape.LinkPath);
    }

    private static string Neutral(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return "en";
        try { return CultureInfo.GetCultureInfo(language).TwoLetterISOLanguageName; }
        catch (CultureNotFoundException) { return "en"; }
    }
}
