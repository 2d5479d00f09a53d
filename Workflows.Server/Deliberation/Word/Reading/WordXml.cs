using System.Globalization;
using DocumentFormat.OpenXml;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Reads WordprocessingML by element and attribute name. The SDK's typed classes only apply where its schema
/// expects an element; an uploaded file may put one anywhere, and then it is an unknown element to the SDK but
/// the same <c>w:t</c> to Word. Reading by name treats both alike, and never throws on a malformed value.
/// </summary>
internal static class WordXml
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public const string Math = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    public const string Vml = "urn:schemas-microsoft-com:vml";

    public static bool Is(this OpenXmlElement element, string localName) =>
        element.LocalName == localName && element.NamespaceUri == W;

    /// <summary>The first <c>w:</c> child with this name.</summary>
    public static OpenXmlElement? Child(this OpenXmlElement? element, string localName)
    {
        if (element is null) return null;
        foreach (var child in element.ChildElements)
            if (child.Is(localName)) return child;
        return null;
    }

    public static IEnumerable<OpenXmlElement> Children(this OpenXmlElement? element, string localName) =>
        element is null ? [] : element.ChildElements.Where(c => c.Is(localName));

    public static bool HasDescendant(this OpenXmlElement element, string localName, string namespaceUri = W) =>
        element.Descendants().Any(d => d.LocalName == localName && d.NamespaceUri == namespaceUri);

    public static string? Attribute(this OpenXmlElement? element, string localName, string namespaceUri = W)
    {
        if (element is null) return null;
        foreach (var attribute in element.GetAttributes())
            if (attribute.LocalName == localName && attribute.NamespaceUri == namespaceUri) return attribute.Value;
        return null;
    }

    /// <summary>The <c>w:val</c> of a property element such as <c>&lt;w:pStyle w:val="Heading1"/&gt;</c>.</summary>
    public static string? Val(this OpenXmlElement? element) => element.Attribute("val");

    public static int? AsInt(this string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>
    /// A toggle such as <c>&lt;w:b/&gt;</c>: absent is null (inherit), present is on unless its value says off
    /// (<c>w:val="0"</c>, "false" or "off").
    /// </summary>
    public static bool? IsOn(OpenXmlElement? toggle) => toggle is null ? null : toggle.Val() is not { } value || IsTrue(value);

    /// <summary>An <c>ST_OnOff</c> value: "1", "true" or "on".</summary>
    public static bool IsTrue(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "on";
}
