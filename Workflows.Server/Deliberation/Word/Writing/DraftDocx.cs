using FocWorkflows.Server.Deliberation.Drafts;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>
/// A draft version as a Word document: its title, then its paragraphs numbered as the product numbers
/// them; the version, its author and date in the page header. Uploaded again, it gives the same paragraphs.
/// </summary>
public static class DraftDocx
{
    public static byte[] Write(DraftVersion version, string authorName, TimeZoneInfo zone)
    {
        using var document = new DocxDocument(version.Title, authorName, version.SubmittedAt, HeaderLine(version, authorName, zone));
        var writer = new DocxParagraphs(document);
        writer.AppendPlain(DocxStyles.Title, [new WordPiece(version.Title, default)]);
        foreach (var paragraph in Paragraphs.Of(version.Markdown)) writer.AppendNumbered(paragraph.Number, MarkdownBlocks.Of(paragraph.Markdown));
        return document.ToBytes();
    }

    /// <summary>"Version 2, Switzerland, 3 December 2026 14:05 (Europe/Zurich)": the reader's zone, named.</summary>
    public static string HeaderLine(DraftVersion version, string authorName, TimeZoneInfo zone) =>
        $"Version {version.Number}, {authorName}, {WordDates.Moment(version.SubmittedAt, zone)}";
}
