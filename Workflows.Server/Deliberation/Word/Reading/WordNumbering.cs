using DocumentFormat.OpenXml;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>One level of a Word list as Markdown can show it: bullets or numbers, and the number it starts at.</summary>
internal sealed record ListLevel(int NumId, int Level, bool IsBullet, int Start);

/// <summary>
/// The numbering part: which list a numbered paragraph belongs to and what its level looks like. Only the
/// bullet-or-number distinction and the start survive into Markdown; "a)", "iv." or "§ 3" become plain numbers.
/// </summary>
internal sealed class WordNumbering
{
    /// <summary>Word's nine list levels.</summary>
    public const int MaxLevel = 8;

    /// <summary>The largest list number Markdown reads (nine digits).</summary>
    private const int MaxNumber = 999_999_999;

    private const int MaxStyleLinks = 4;
    private readonly Dictionary<int, OpenXmlElement> _instances = [];
    private readonly Dictionary<int, OpenXmlElement> _abstracts = [];
    private readonly WordStyles _styles;

    public WordNumbering(OpenXmlElement? numbering, WordStyles styles)
    {
        _styles = styles;
        foreach (var instance in numbering.Children("num"))
            if (instance.Attribute("numId").AsInt() is { } id) _instances.TryAdd(id, instance);
        foreach (var definition in numbering.Children("abstractNum"))
            if (definition.Attribute("abstractNumId").AsInt() is { } id) _abstracts.TryAdd(id, definition);
    }

    /// <summary>The list level of a numbered paragraph; null when the list or its level is not defined (Word shows no number then).</summary>
    public ListLevel? LevelOf(ParagraphNumbering numbering)
    {
        if (!_instances.TryGetValue(numbering.NumId, out var instance)) return null;
        var level = Math.Clamp(numbering.Level ?? LevelWithStyle(instance, numbering.StyleId) ?? 0, 0, MaxLevel);
        var levelOverride = instance.Children("lvlOverride").FirstOrDefault(o => o.Attribute("ilvl").AsInt() == level);
        var definition = levelOverride.Child("lvl") ?? AbstractLevel(instance, level, 0);
        if (definition is null) return null;
        var start = levelOverride.Child("startOverride").Val().AsInt() ?? definition.Child("start").Val().AsInt() ?? 1;
        var isBullet = definition.Child("numFmt").Val() == "bullet";
        return new ListLevel(numbering.NumId, level, isBullet, Math.Clamp(start, 0, MaxNumber));
    }

    /// <summary>A list tied to heading styles gives each style its level (<c>w:pStyle</c> in <c>w:lvl</c>).</summary>
    private int? LevelWithStyle(OpenXmlElement instance, string? styleId) =>
        styleId is null ? null
            : Abstract(instance).Children("lvl").FirstOrDefault(l => l.Child("pStyle").Val() == styleId)?.Attribute("ilvl").AsInt();

    private OpenXmlElement? Abstract(OpenXmlElement instance) =>
        instance.Child("abstractNumId").Val().AsInt() is { } id && _abstracts.TryGetValue(id, out var definition) ? definition : null;

    /// <summary>The level in the abstract numbering, following a numbering style's link to the list that defines it.</summary>
    private OpenXmlElement? AbstractLevel(OpenXmlElement instance, int level, int links)
    {
        var definition = Abstract(instance);
        var found = definition.Children("lvl").FirstOrDefault(l => l.Attribute("ilvl").AsInt() == level);
        if (found is not null || links >= MaxStyleLinks || definition.Child("numStyleLink").Val() is not { } link) return found;
        return _styles.NumIdOfStyle(link) is { } linkedId && _instances.TryGetValue(linkedId, out var linked)
            ? AbstractLevel(linked, level, links + 1)
            : null;
    }

    public static int Clamp(int number) => Math.Clamp(number, 0, MaxNumber);
}
