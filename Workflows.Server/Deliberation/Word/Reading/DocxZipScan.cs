using System.IO.Compression;
using System.Xml;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>The entry names of an uploaded package and its <c>[Content_Types].xml</c>, once every entry was unzipped safely.</summary>
internal sealed record DocxPackageEntries(IReadOnlyList<string> Names, byte[]? ContentTypes);

/// <summary>
/// Unzips every entry of an upload once, before the Open XML SDK sees it: counting the real bytes (a zip bomb is
/// refused at <see cref="WordConventions.MaxUnzippedBytes"/>), and reading each XML part through to its end so
/// that a malformed part is "damaged" here and a part nested thousands of elements deep, which would exhaust the
/// stack of the SDK's recursive loader, never reaches it.
/// </summary>
internal static class DocxZipScan
{
    public const int MaxEntries = 10_000;

    /// <summary>Far deeper than Word writes (a drawing inside nested tables stays under 100).</summary>
    public const int MaxXmlDepth = 256;

    private const string ContentTypesName = "[Content_Types].xml";

    public static DocxPackageEntries Scan(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) throw DocxRefusals.ZipBomb();
            var budget = new UnzipBudget(WordConventions.MaxUnzippedBytes);
            var names = new List<string>(zip.Entries.Count);
            byte[]? contentTypes = null;
            XmlException? damage = null;
            foreach (var entry in zip.Entries)
            {
                names.Add(entry.FullName);
                using var content = new UnzipBudgetStream(entry.Open(), budget);
                if (entry.FullName.Equals(ContentTypesName, StringComparison.OrdinalIgnoreCase))
                {
                    contentTypes = ReadAll(content);
                    damage ??= XmlDamage(new MemoryStream(contentTypes, writable: false));
                }
                else if (IsXml(entry.FullName)) damage ??= XmlDamage(content);
                // Whatever the parser left unread still counts: a bomb is a bomb even when its first bytes are not XML.
                content.CopyTo(Stream.Null);
            }
            if (damage is not null) throw DocxRefusals.Damaged(damage);
            return new DocxPackageEntries(names, contentTypes);
        }
        catch (DocxRefused) { throw; }
        catch (Exception e) { throw DocxRefusals.Damaged(e); }
    }

    /// <summary>An XML reader that never fetches or expands anything: no DTD, no external entities.</summary>
    public static XmlReader SafeXmlReader(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    });

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a part through: null when it is well-formed and shallow enough, else what is wrong with it.</summary>
    private static XmlException? XmlDamage(Stream stream)
    {
        try
        {
            using var reader = SafeXmlReader(stream);
            while (reader.Read())
                if (reader.Depth > MaxXmlDepth) return new XmlException($"Elements nested more than {MaxXmlDepth} deep.");
            return null;
        }
        catch (XmlException e) { return e; }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
