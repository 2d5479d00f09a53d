using System.Globalization;
using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;

namespace FocWorkflows.Server.Deliberation.Drafts;

/// <summary>
/// Renders user-written Markdown as HTML that is safe to show: Markdig renders, HtmlSanitizer then
/// removes anything that could run (scripts, event handlers, javascript: links, styles), ask the reader
/// for something (forms) or reveal who reads it (images).
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
            html.Append(Section(p.Number.ToString(CultureInfo.InvariantCulture), "paragraph", Render(p.Markdown)));
        return html.ToString();
    }

    /// <summary>A wrapper written by us around already sanitized content; its attributes are numbers and fixed words only.</summary>
    internal static string Section(string number, string cssClass, string sanitizedHtml) =>
        $"<section class=\"{WebUtility.HtmlEncode(cssClass)}\" id=\"p{WebUtility.HtmlEncode(number)}\"><span class=\"paragraph-number\">{WebUtility.HtmlEncode(number)}</span>{sanitizedHtml}</section>\n";

    /// <summary>
    /// Form controls: a text is read, never filled in. A form in a draft could ask a reader for a password
    /// and send it anywhere; its controls are dropped with it.
    /// </summary>
    private static readonly string[] FormTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "datalist", "output", "keygen",
         "meter", "progress", "menuitem", "map", "area"];

    /// <summary>The attributes of those controls, and <c>name</c>, which lets markup shadow the page's own scripts' globals.</summary>
    private static readonly string[] FormAttributes =
        ["action", "method", "enctype", "accept", "accept-charset", "autocomplete", "autosave", "challenge", "checked", "disabled", "for",
         "keytype", "list", "max", "maxlength", "min", "multiple", "name", "novalidate", "pattern", "placeholder", "readonly", "required",
         "selected", "step", "value", "wrap", "contenteditable", "draggable", "dropzone", "accesskey", "usemap", "ismap"];

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("ins");
        sanitizer.AllowedTags.Add("del");
        foreach (var tag in FormTags) sanitizer.AllowedTags.Remove(tag);
        foreach (var attribute in FormAttributes) sanitizer.AllowedAttributes.Remove(attribute);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        // No image is loaded, remote or not: the pen-holder would learn the address of every reader
        // (advisors at risk among them) from their server's log. The image's text stays in its place.
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var image in e.Document.QuerySelectorAll("img").ToList())
            {
                var alt = image.GetAttribute("alt");
                if (string.IsNullOrWhiteSpace(alt)) image.Remove();
                else image.Replace(e.Document.CreateTextNode(alt));
            }
        };
        return sanitizer;
    }
}
