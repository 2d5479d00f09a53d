using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Publications;

namespace FocWorkflows.Server.Deliberation.Word.Writing;

/// <summary>
/// The adopted text as the coalition sends it out: title, release date, the numbered text, its
/// signatories by name (and who dissociated), then each translation provided, on its own page, in its language.
/// </summary>
public static class PublicationDocx
{
    public static byte[] Write(Publication publication, IReadOnlyList<string> signatories, IReadOnlyList<string> dissociated,
        IReadOnlyList<Translation> translations, TimeZoneInfo zone)
    {
        var released = publication.ReleasedAt ?? publication.ReleaseAt;
        var dateLine = publication.Status == PublicationStatus.Released
            ? $"Released on {WordDates.Day(released, zone)}"
            : $"To be released on {WordDates.Day(publication.ReleaseAt, zone)} (embargoed until then)";
        using var document = new DocxDocument(publication.Title, "Freedom Online Coalition", released, $"{publication.Title}, version {publication.DraftNumber}");
        var writer = new DocxParagraphs(document);
        writer.AppendPlain(DocxStyles.Title, [new WordPiece(publication.Title, default)]);
        writer.AppendPlain(DocxStyles.Subtitle, [new WordPiece(dateLine, default)]);
        AppendText(writer, publication.Markdown);

        AppendGovernments(writer, "Signatories", signatories);
        if (dissociated.Count > 0) AppendGovernments(writer, "Dissociated from the text", dissociated);

        foreach (var translation in translations.Where(t => t.Markdown is not null))
        {
            writer.AppendPageBreak();
            writer.AppendPlain(DocxStyles.Heading(1), [new WordPiece($"{LanguageTags.NativeName(translation.Language)} ({translation.Language})", default)]);
            if (translation.SourceVersion != publication.DraftNumber)
                writer.AppendPlain(DocxStyles.Subtitle, [new WordPiece(
                    $"Translated from version {translation.SourceVersion}; the adopted text is version {publication.DraftNumber}.", default)]);
            writer.Language = translation.Language;
            AppendText(writer, translation.Markdown!);
            writer.Language = null;
        }
        return document.ToBytes();
    }

    private static void AppendText(DocxParagraphs writer, string markdown)
    {
        foreach (var paragraph in Paragraphs.Of(markdown)) writer.AppendNumbered(paragraph.Number, MarkdownBlocks.Of(paragraph.Markdown));
    }

    private static void AppendGovernments(DocxParagraphs writer, string heading, IReadOnlyList<string> governments)
    {
        writer.AppendPlain(DocxStyles.Heading(2), [new WordPiece(heading, default)]);
        if (governments.Count == 0) writer.AppendPlain("Normal", [new WordPiece("None.", default)]);
        foreach (var government in governments) writer.AppendPlain("Normal", [new WordPiece(government, default)]);
    }
}
