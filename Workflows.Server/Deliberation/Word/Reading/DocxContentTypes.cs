using System.Xml.Linq;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Decides from <c>[Content_Types].xml</c> (and the entry names) whether a package is a plain Word document
/// or template. Macros are refused outright: a draft is text, and a file that runs code is not passed on to
/// the people who download it. Excel and PowerPoint files are zips of the same family, named for what they are.
/// </summary>
internal static class DocxContentTypes
{
    private const string WordDocument = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string WordTemplate = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    private const string MacroDocument = "application/vnd.ms-word.document.macroEnabled.main+xml";
    private const string MacroTemplate = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";
    private const string VbaProject = "application/vnd.ms-office.vbaProject";

    public static void RefuseUnlessPlainWord(DocxPackageEntries package)
    {
        if (package.ContentTypes is null) throw DocxRefusals.PlainZip();
        var declared = Declarations(package.ContentTypes);
        var types = declared.Select(d => d.ContentType).ToList();

        if (package.Names.Any(IsVbaProject) || types.Any(t => Is(t, MacroDocument) || Is(t, MacroTemplate) || Is(t, VbaProject)))
            throw DocxRefusals.MacroEnabled();
        if (types.Any(t => Is(t, WordDocument) || Is(t, WordTemplate))) return;
        if (declared.Any(d => d.ContentType.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase)
                              || d.ContentType.Contains("ms-excel", StringComparison.OrdinalIgnoreCase)
                              || d.PartName.StartsWith("/xl/", StringComparison.OrdinalIgnoreCase)))
            throw DocxRefusals.Spreadsheet();
        if (declared.Any(d => d.ContentType.Contains("presentationml", StringComparison.OrdinalIgnoreCase)
                              || d.ContentType.Contains("ms-powerpoint", StringComparison.OrdinalIgnoreCase)
                              || d.PartName.StartsWith("/ppt/", StringComparison.OrdinalIgnoreCase)))
            throw DocxRefusals.Presentation();
        throw DocxRefusals.NotAWordDocument();
    }

    /// <summary>Every Default (by extension, part name empty) and Override (by part name) with its content type.</summary>
    private static List<(string PartName, string ContentType)> Declarations(byte[] contentTypes)
    {
        XDocument document;
        try
        {
            using var reader = DocxZipScan.SafeXmlReader(new MemoryStream(contentTypes, writable: false));
            document = XDocument.Load(reader);
        }
        catch (Exception e) { throw DocxRefusals.Damaged(e); }
        return [.. document.Descendants()
            .Where(e => e.Name.LocalName is "Default" or "Override")
            .Select(e => ((string?)e.Attribute("PartName") ?? "", ((string?)e.Attribute("ContentType") ?? "").Trim()))];
    }

    private static bool Is(string contentType, string expected) => contentType.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsVbaProject(string entryName) =>
        Path.GetFileName(entryName).Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase);
}
