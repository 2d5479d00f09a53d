namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// The guard in front of the .docx reader: an upload comes from anyone with a login and may be hostile (a zip
/// bomb, a macro carrier, a file that only claims to be Word), so it is bounded while read and checked before
/// the Open XML SDK parses it.
/// </summary>
public static class DocxUpload
{
    /// <summary>
    /// Reads an upload into memory, at most one byte past <see cref="WordConventions.MaxUploadBytes"/>: a client
    /// that lies about its length, or sends no length at all, still cannot make the server buffer more.
    /// </summary>
    public static async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var limit = WordConventions.MaxUploadBytes + 1;
        using var content = new MemoryStream();
        var chunk = new byte[81_920];
        while (content.Length < limit)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - content.Length)), ct);
            if (read == 0) break;
            content.Write(chunk, 0, read);
        }
        if (content.Length > WordConventions.MaxUploadBytes) throw DocxRefusals.TooLarge();
        return content.ToArray();
    }

    /// <summary>
    /// Returns normally for a plain Word document (.docx) or template (.dotx); throws <see cref="DocxRefused"/>
    /// otherwise: too large, not a Word document, macros, a password, a zip bomb, or damaged.
    /// </summary>
    public static void Check(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.LongLength > WordConventions.MaxUploadBytes) throw DocxRefusals.TooLarge();
        DocxSignature.RefuseUnlessZip(bytes);
        DocxContentTypes.RefuseUnlessPlainWord(DocxZipScan.Scan(bytes));
    }
}
