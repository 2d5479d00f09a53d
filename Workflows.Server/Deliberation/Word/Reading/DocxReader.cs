using DocumentFormat.OpenXml.Packaging;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Reads an uploaded .docx as the next version of a draft. The upload is checked first (<see cref="DocxUpload.Check"/>);
/// whatever then goes wrong inside the SDK, the zip or the XML is the file's fault, so the only exception out of
/// here is <see cref="DocxRefused"/>.
/// </summary>
public static class DocxReader
{
    public static DocxImport Read(byte[] docx)
    {
        DocxUpload.Check(docx);
        try
        {
            using var stream = new MemoryStream(docx, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = WordConventions.MaxUnzippedBytes });
            return DocxToMarkdown.Convert(document);
        }
        catch (DocxRefused) { throw; }
        catch (Exception e) { throw DocxRefusals.Damaged(e); }
    }
}
