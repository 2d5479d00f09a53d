using System.Text;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Tells from a file's first bytes what it is when it is not a .docx, so the uploader hears "this is a PDF" or
/// "this is password protected" rather than "damaged". A password-protected .docx is not a zip at all: Word
/// wraps it in an OLE compound file (like a Word 97-2003 .doc) whose "EncryptionInfo" stream names the cipher.
/// </summary>
internal static class DocxSignature
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleCompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptionInfoStreamName = Encoding.Unicode.GetBytes("EncryptionInfo");

    /// <summary>Returns when the bytes start as a zip; throws <see cref="DocxRefused"/> saying what they are otherwise.</summary>
    public static void RefuseUnlessZip(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Zip)) return;
        if (bytes.IsEmpty) throw DocxRefusals.Empty();
        if (bytes.StartsWith(OleCompoundFile))
            throw bytes.IndexOf(EncryptionInfoStreamName) >= 0 ? DocxRefusals.Encrypted() : DocxRefusals.Word97();
        if (bytes.StartsWith("%PDF"u8)) throw DocxRefusals.Pdf();
        if (bytes.StartsWith(@"{\rtf"u8)) throw DocxRefusals.Rtf();
        throw DocxRefusals.NotAWordDocument();
    }
}
