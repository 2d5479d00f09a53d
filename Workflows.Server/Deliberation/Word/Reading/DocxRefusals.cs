namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// The sentences an uploader reads when a file is refused, in one place so they stay plain, consistent and say
/// what to do next, not only what is wrong.
/// </summary>
internal static class DocxRefusals
{
    private const string SaveAsDocx = "Save the draft in Word as a Word Document (.docx) and upload it again.";

    public static DocxRefused TooLarge() => new(DocxRefusalKind.TooLarge,
        $"The file is larger than {WordConventions.MaxUploadBytes / (1024 * 1024)} MB. A draft is text: remove images and other large content, then upload it again.");

    public static DocxRefused Empty() => new(DocxRefusalKind.NotADocx, "The file is empty. " + SaveAsDocx);

    public static DocxRefused Word97() => new(DocxRefusalKind.NotADocx,
        "This is a Word 97-2003 .doc file. Save it as .docx (Word Document) and upload it again.");

    public static DocxRefused Encrypted() => new(DocxRefusalKind.Encrypted,
        "This document is protected with a password. Remove the password in Word (File > Info > Protect Document) and upload it again.");

    public static DocxRefused Pdf() => new(DocxRefusalKind.NotADocx,
        "This is a PDF file, not a Word document. Upload the .docx the PDF was made from.");

    public static DocxRefused Rtf() => new(DocxRefusalKind.NotADocx, "This is a Rich Text (.rtf) file, not a Word document. " + SaveAsDocx);

    public static DocxRefused NotAWordDocument() => new(DocxRefusalKind.NotADocx, "This is not a Word document. " + SaveAsDocx);

    public static DocxRefused PlainZip() => new(DocxRefusalKind.NotADocx, "This is a zip archive, not a Word document. Upload the .docx itself.");

    public static DocxRefused Spreadsheet() => new(DocxRefusalKind.NotADocx,
        "This is an Excel workbook, not a Word document. Put the text in a Word document, save it as .docx and upload that.");

    public static DocxRefused Presentation() => new(DocxRefusalKind.NotADocx,
        "This is a PowerPoint presentation, not a Word document. Put the text in a Word document, save it as .docx and upload that.");

    public static DocxRefused MacroEnabled() => new(DocxRefusalKind.MacroEnabled,
        "This document contains macros (.docm). Save it as a plain Word Document (.docx) and upload it again.");

    public static DocxRefused ZipBomb() => new(DocxRefusalKind.ZipBomb,
        $"This file unpacks to far more than a text needs (over {WordConventions.MaxUnzippedBytes / (1024 * 1024)} MB or {DocxZipScan.MaxEntries:N0} parts), so it is not opened. Copy the text into a new Word document and upload that.");

    public static DocxRefused Damaged(Exception? cause = null) => new(DocxRefusalKind.Damaged,
        "This Word document is damaged and cannot be read. Open it in Word, save it as a new .docx and upload that.", cause);
}
