namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>Why an uploaded file was not read, so the endpoint can answer with the right status and the uploader can fix it.</summary>
public enum DocxRefusalKind { TooLarge, NotADocx, MacroEnabled, Encrypted, ZipBomb, Damaged }

/// <summary>
/// Thrown for a file we will not read. <see cref="Exception.Message"/> is shown to the uploader as is: one or two
/// plain sentences saying what is wrong and what they can do about it. A damaged file carries the exception that
/// showed it, for the log.
/// </summary>
public sealed class DocxRefused(DocxRefusalKind kind, string message, Exception? innerException = null) : Exception(message, innerException)
{
    public DocxRefusalKind Kind { get; } = kind;
}
