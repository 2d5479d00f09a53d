using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace FocWorkflows.Server.Tests.Word;

/// <summary>What the tests check of every document we write: Word's own schema accepts it.</summary>
internal static class WordOutput
{
    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    /// <summary>The SDK's validator (Office 2019 rules), every error with its place, so a failure says what to fix.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var document = Open(docx);
        return [.. new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }
}
