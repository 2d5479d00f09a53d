namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// One kind of content a draft cannot hold (images, comments, …): told to the uploader, so nothing disappears
/// without a word. <paramref name="Kind"/> is one of "image", "comment", "tracked-change", "text-box",
/// "embedded-object", "nested-table", "merged-cell"; <paramref name="Message"/> a sentence with the count.
/// </summary>
public sealed record DocxLoss(string Kind, int Count, string Message);

/// <summary>
/// What an uploaded .docx became: the draft's Markdown, the document's title (its first "Title" paragraph,
/// else its core property title, else null) and what could not be kept.
/// </summary>
public sealed record DocxImport(string Markdown, string? Title, IReadOnlyList<DocxLoss> Losses)
{
    public bool HasText => Markdown.Length > 0;

    /// <summary>Why a document gave no draft, for the uploader: it was empty, or held only what cannot be kept.</summary>
    public string NoTextReason => Losses.Count == 0
        ? "The document has no text to submit."
        : $"The document has no text to submit, only what cannot be kept: {string.Join(" ", Losses.Select(l => l.Message))}";
}
