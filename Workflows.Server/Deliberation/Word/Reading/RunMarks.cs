using DocumentFormat.OpenXml;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// The formatting of a run that a draft keeps: its character style first, then its own properties, which win
/// (so <c>&lt;w:b w:val="0"/&gt;</c> in a "Strong" run is not bold). Paragraph styles are not applied: a
/// heading style's bold is the heading, not emphasis in its text.
/// </summary>
internal static class RunMarks
{
    public static (InlineMarks Marks, bool Hidden) Of(OpenXmlElement run, WordStyles styles)
    {
        var properties = run.Child("rPr");
        var (marks, hidden) = styles.CharacterStyle(properties.Child("rStyle").Val());
        return (Apply(properties, marks), WordXml.IsOn(properties.Child("vanish")) ?? hidden ?? false);
    }

    /// <summary>The marks after one set of run properties (<c>w:rPr</c>) is applied over <paramref name="marks"/>.</summary>
    public static InlineMarks Apply(OpenXmlElement? properties, InlineMarks marks)
    {
        if (properties is null) return marks;
        marks = Set(marks, InlineMarks.Bold, WordXml.IsOn(properties.Child("b")));
        marks = Set(marks, InlineMarks.Italic, WordXml.IsOn(properties.Child("i")));
        var strike = WordXml.IsOn(properties.Child("strike"));
        var doubleStrike = WordXml.IsOn(properties.Child("dstrike"));
        if (strike is not null || doubleStrike is not null) marks = Set(marks, InlineMarks.Strike, strike == true || doubleStrike == true);
        return properties.Child("vertAlign").Val() switch
        {
            "superscript" => (marks | InlineMarks.Superscript) & ~InlineMarks.Subscript,
            "subscript" => (marks | InlineMarks.Subscript) & ~InlineMarks.Superscript,
            "baseline" => marks & ~(InlineMarks.Superscript | InlineMarks.Subscript),
            _ => marks,
        };
    }

    private static InlineMarks Set(InlineMarks marks, InlineMarks mark, bool? on) => on switch
    {
        true => marks | mark,
        false => marks & ~mark,
        null => marks,
    };
}
