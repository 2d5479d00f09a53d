using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;

namespace FocWorkflows.Server.Deliberation.Drafts;

/// <summary>
/// Renders user-written Markdown as HTML that is safe to show: Markdig renders, HtmlSanitizer then
/// removes anything that could run (scripts, event handlers, javascript: links, styles).
/// </summary>
public static class DraftHtml
{
    // One sanitizer per thread: HtmlSanitizer is cheap to reuse but not documented as thread-safe.
    [ThreadStatic] private static HtmlSanitizer? _sanitizer;

    private static HtmlSanitizer Sanitizer => _sanitizer ??= CreateSanitizer();

    public static string Render(string markdown) => Sanitize(Markdown.ToHtml(markdown, Paragraphs.Pipeline));

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>The numbered paragraphs as HTML: one section per paragraph, its number as the anchor.</summary>
    public static string RenderNumbered(IReadOnlyList<Paragraph> paragraphs)
    {
        var html = new StringBuilder();
        foreach (var p in paragraphs)
            html.Append(Section(p.Number.ToString(), "paragraph", Render(p.Markdown)));
        return html.ToString();
    }

    /// <summary>A wrapper written by us around already sanitized content; its attributes are numbers and fixed words only.</summary>
    internal static string Section(string number, string cssClass, string sanitizedHtml) =>
        $"<section class=\"{WebUtility.HtmlEncode(cssClass)}\" id=\"p{WebUtility.HtmlEncode(number)}\"><span class=\"paragraph-number\">{WebUtility.HtmlEncode(number)}</span>{sanitizedHtml}</section>\n";

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("ins");
        sanitizer.AllowedTags.Add("del");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
