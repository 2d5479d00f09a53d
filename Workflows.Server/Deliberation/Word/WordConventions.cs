namespace FocWorkflows.Server.Deliberation.Word;

/// <summary>
/// What our .docx writer and reader agree on, so a version downloaded as .docx and uploaded again
/// gives the same paragraphs.
/// </summary>
public static class WordConventions
{
    /// <summary>
    /// The character style of the paragraph numbers we print ("4" then a tab, as the product numbers
    /// paragraphs). The reader drops runs in this style and the tab after them: the numbers are ours,
    /// not the author's text, and they are given again on the next download.
    /// </summary>
    public const string ParagraphNumberStyle = "FocParagraphNumber";

    /// <summary>
    /// Footnotes and endnotes become endnote text: the reference in the text is a superscript number
    /// (Markdown <c>^1^</c>), and each note is a paragraph at the end starting with the same mark.
    /// </summary>
    public static string NoteMark(int number) => $"^{number}^";

    /// <summary>The largest .docx accepted, in bytes (10 MB).</summary>
    public const long MaxUploadBytes = 10L * 1024 * 1024;

    /// <summary>
    /// The most a .docx may expand to when unzipped (all its parts together): a text document is far
    /// smaller; beyond this it is a zip bomb, or not a draft.
    /// </summary>
    public const long MaxUnzippedBytes = 64L * 1024 * 1024;

    /// <summary>The media type of a Word document.</summary>
    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
