using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>What a paragraph is, by its style: a heading of some level, the document's title, or body text.</summary>
internal readonly record struct ParagraphRole(ParagraphRoleKind Kind, int HeadingLevel = 0)
{
    public static readonly ParagraphRole Body = new(ParagraphRoleKind.Body);
    public static readonly ParagraphRole Title = new(ParagraphRoleKind.Title);
    public static ParagraphRole Heading(int level) => new(ParagraphRoleKind.Heading, Math.Clamp(level, 1, 6));
}

internal enum ParagraphRoleKind { Body, Heading, Title }

/// <summary>The numbering a paragraph asks for (directly or through its style), before the numbering part says what it looks like.</summary>
internal sealed record ParagraphNumbering(int NumId, int? Level, string? StyleId);

/// <summary>
/// The styles part, read by style <em>name</em>. Word localises style ids ("berschrift1" in a German Word is the
/// style named "heading 1"), and a custom style inherits what it is from the style it is based on, so every
/// question follows the <c>basedOn</c> chain.
/// </summary>
internal sealed partial class WordStyles
{
    private const int MaxChain = 32;
    private readonly Dictionary<string, OpenXmlElement> _byId = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;
    private readonly Dictionary<string, (InlineMarks Marks, bool? Hidden)> _characterStyles = new(StringComparer.Ordinal);

    public WordStyles(OpenXmlElement? styles)
    {
        foreach (var style in styles.Children("style"))
        {
            if (style.Attribute("styleId") is not { } id) continue;
            _byId.TryAdd(id, style);
            if (style.Attribute("type") == "paragraph" && WordXml.IsTrue(style.Attribute("default"))) _defaultParagraphStyle ??= id;
        }
    }

    public OpenXmlElement? ById(string? id) => id is not null && _byId.TryGetValue(id, out var style) ? style : null;

    /// <summary>The style and those it is based on, nearest first; a cycle or an unknown id ends the chain.</summary>
    public IEnumerable<OpenXmlElement> Chain(string? styleId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (styleId is not null && seen.Count < MaxChain && seen.Add(styleId) && ById(styleId) is { } style)
        {
            yield return style;
            styleId = style.Child("basedOn").Val();
        }
    }

    public string? ParagraphStyleOf(OpenXmlElement paragraph) =>
        paragraph.Child("pPr").Child("pStyle").Val() ?? _defaultParagraphStyle;

    public ParagraphRole RoleOf(OpenXmlElement paragraph)
    {
        var styleId = ParagraphStyleOf(paragraph);
        foreach (var style in Chain(styleId))
        {
            var name = NameOf(style);
            if (HeadingName().Match(name) is { Success: true } heading) return ParagraphRole.Heading(heading.Groups[1].Value[0] - '0');
            if (name == "title") return ParagraphRole.Title;
            if (name == "subtitle") return ParagraphRole.Body;
        }
        var outline = paragraph.Child("pPr").Child("outlineLvl").Val().AsInt()
                      ?? Chain(styleId).Select(s => s.Child("pPr").Child("outlineLvl").Val().AsInt()).FirstOrDefault(l => l is not null);
        return outline is >= 0 and <= 5 ? ParagraphRole.Heading(outline.Value + 1) : ParagraphRole.Body;
    }

    /// <summary>The numbering of a paragraph, its own <c>numPr</c> before its style's; null for none (<c>numId</c> 0 switches a style's off).</summary>
    public ParagraphNumbering? NumberingOf(OpenXmlElement paragraph)
    {
        var direct = paragraph.Child("pPr").Child("numPr");
        var fromStyle = Chain(ParagraphStyleOf(paragraph)).FirstOrDefault(s => s.Child("pPr").Child("numPr") is not null);
        var styled = fromStyle.Child("pPr").Child("numPr");
        var numId = direct.Child("numId").Val().AsInt() ?? styled.Child("numId").Val().AsInt();
        if (numId is null or 0) return null;
        var level = direct.Child("ilvl").Val().AsInt() ?? styled.Child("ilvl").Val().AsInt();
        return new ParagraphNumbering(numId.Value, level, fromStyle?.Attribute("styleId"));
    }

    /// <summary>The numbering instance a numbering style stands for (an abstract numbering's <c>numStyleLink</c>).</summary>
    public int? NumIdOfStyle(string styleId) => ById(styleId).Child("pPr").Child("numPr").Child("numId").Val().AsInt();

    /// <summary>
    /// What a character style gives a run, applied from the base style to the nearest. The built-in "Strong" and
    /// "Emphasis" count as bold and italic even where a template has restyled them.
    /// </summary>
    public (InlineMarks Marks, bool? Hidden) CharacterStyle(string? styleId)
    {
        if (styleId is null) return (InlineMarks.None, null);
        if (_characterStyles.TryGetValue(styleId, out var known)) return known;
        var marks = InlineMarks.None;
        bool? hidden = null;
        foreach (var style in Chain(styleId).Reverse())
        {
            var properties = style.Child("rPr");
            marks = RunMarks.Apply(properties, marks);
            hidden = WordXml.IsOn(properties.Child("vanish")) ?? hidden;
            var name = NameOf(style);
            if (name == "strong") marks |= InlineMarks.Bold;
            if (name == "emphasis") marks |= InlineMarks.Italic;
        }
        return _characterStyles[styleId] = (marks, hidden);
    }

    /// <summary>Whether a run's style is our printed paragraph number, by id or, should Word have renamed the id, by name.</summary>
    public bool IsParagraphNumber(string? styleId) =>
        styleId is not null && (styleId == WordConventions.ParagraphNumberStyle
                                || ById(styleId).Child("name").Val() == WordConventions.ParagraphNumberStyle);

    private static string NameOf(OpenXmlElement style) => (style.Child("name").Val() ?? "").Trim().ToLowerInvariant();

    [GeneratedRegex(@"^heading\s*([1-9])$")]
    private static partial Regex HeadingName();
}
