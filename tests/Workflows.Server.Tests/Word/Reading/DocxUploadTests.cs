using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using FocWorkflows.Server.Deliberation.Word;
using FocWorkflows.Server.Deliberation.Word.Reading;
using static FocWorkflows.Server.Tests.Word.WordDocuments;

namespace FocWorkflows.Server.Tests.Word.Reading;

/// <summary>The guard: files we will not read are refused with a kind and a sentence for the uploader, never an exception of another type.</summary>
public sealed class DocxUploadTests
{
    private static DocxRefused Refused(byte[] bytes)
    {
        var refused = Assert.Throws<DocxRefused>(() => DocxReader.Read(bytes));
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        return refused;
    }

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    [Fact]
    public void Check_PlainDocx_Passes()
    {
        DocxUpload.Check(Create(P("Text.")));
    }

    [Fact]
    public void Read_RandomBytes_IsNotADocx()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x00;

        Assert.Equal(DocxRefusalKind.NotADocx, Refused(bytes).Kind);
    }

    [Fact]
    public void Read_Pdf_IsNotADocx_AndSaysPdf()
    {
        var refused = Refused(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"));

        Assert.Equal(DocxRefusalKind.NotADocx, refused.Kind);
        Assert.Contains("PDF", refused.Message);
    }

    [Fact]
    public void Read_Word97Document_IsNotADocx_AndSaysSaveAsDocx()
    {
        var refused = Refused([.. OleSignature, .. new byte[4096]]);

        Assert.Equal(DocxRefusalKind.NotADocx, refused.Kind);
        Assert.Contains("Word 97-2003", refused.Message);
    }

    [Fact]
    public void Read_PasswordProtectedDocument_IsEncrypted()
    {
        var refused = Refused([.. OleSignature, .. new byte[512], .. Encoding.Unicode.GetBytes("EncryptionInfo"), .. new byte[512]]);

        Assert.Equal(DocxRefusalKind.Encrypted, refused.Kind);
        Assert.Contains("password", refused.Message);
    }

    [Fact]
    public void Read_MacroEnabledDocument_IsRefused()
    {
        var docm = Create(d => d.Add(P("Text.")), WordprocessingDocumentType.MacroEnabledDocument);

        Assert.Equal(DocxRefusalKind.MacroEnabled, Refused(docm).Kind);
    }

    [Fact]
    public void Read_DocxCarryingAVbaProject_IsRefused()
    {
        using var stream = new MemoryStream();
        stream.Write(Create(P("Text.")));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        using (var entry = zip.CreateEntry("word/vbaProject.bin").Open())
            entry.Write(new byte[64]);

        Assert.Equal(DocxRefusalKind.MacroEnabled, Refused(stream.ToArray()).Kind);
    }

    [Fact]
    public void Read_ZipOf100MegabytesOfZeros_IsAZipBomb()
    {
        var bomb = ZipBomb();
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        Assert.Equal(DocxRefusalKind.ZipBomb, Refused(bomb).Kind);
    }

    [Fact]
    public void Read_ZipWithMoreThanTenThousandEntries_IsAZipBomb()
    {
        var entries = Enumerable.Range(0, 10_001).Select(i => ($"e{i}", Array.Empty<byte>())).ToArray();

        Assert.Equal(DocxRefusalKind.ZipBomb, Refused(Zip(entries)).Kind);
    }

    [Fact]
    public void Read_ExcelWorkbook_IsNotADocx_AndSaysExcel()
    {
        var xlsx = Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(
                """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + """<Default Extension="xml" ContentType="application/xml"/>"""
                + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>""")),
            ("xl/workbook.xml", Encoding.UTF8.GetBytes("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>""")));

        var refused = Refused(xlsx);

        Assert.Equal(DocxRefusalKind.NotADocx, refused.Kind);
        Assert.Contains("Excel", refused.Message);
    }

    [Fact]
    public void Read_ZipWithoutContentTypes_IsNotADocx()
    {
        Assert.Equal(DocxRefusalKind.NotADocx, Refused(Zip(("notes.txt", "hello"u8.ToArray()))).Kind);
    }

    [Fact]
    public async Task ReadBoundedAsync_ElevenMegabytes_IsTooLarge()
    {
        var refused = await Assert.ThrowsAsync<DocxRefused>(() =>
            DocxUpload.ReadBoundedAsync(new MemoryStream(new byte[11 * 1024 * 1024]), CancellationToken.None));

        Assert.Equal(DocxRefusalKind.TooLarge, refused.Kind);
        Assert.Contains("10 MB", refused.Message);
    }

    [Fact]
    public async Task ReadBoundedAsync_ExactlyTheLimit_ReturnsEveryByte()
    {
        var bytes = await DocxUpload.ReadBoundedAsync(new MemoryStream(new byte[WordConventions.MaxUploadBytes]), CancellationToken.None);

        Assert.Equal(WordConventions.MaxUploadBytes, bytes.LongLength);
    }

    [Fact]
    public void Check_MoreThanTheLimit_IsTooLarge()
    {
        var refused = Assert.Throws<DocxRefused>(() => DocxUpload.Check(new byte[WordConventions.MaxUploadBytes + 1]));

        Assert.Equal(DocxRefusalKind.TooLarge, refused.Kind);
    }

    [Fact]
    public void Read_TruncatedDocx_IsDamaged()
    {
        var docx = Create(P("Text."), P("More text."));

        Assert.Equal(DocxRefusalKind.Damaged, Refused(docx[..(docx.Length / 2)]).Kind);
    }

    [Fact]
    public void Read_MalformedDocumentXml_IsDamaged()
    {
        var docx = WithEntry(Create(P("Text.")), "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");

        Assert.Equal(DocxRefusalKind.Damaged, Refused(docx).Kind);
    }

    [Fact]
    public void Read_DocumentNestedThousandsDeep_IsDamagedNotAStackOverflow()
    {
        const int depth = 5000;
        var xml = new StringBuilder("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (var i = 0; i < depth; i++) xml.Append("<w:sdt><w:sdtContent>");
        for (var i = 0; i < depth; i++) xml.Append("</w:sdtContent></w:sdt>");
        xml.Append("</w:body></w:document>");
        var docx = WithEntry(Create(P("Text.")), "word/document.xml", xml.ToString());

        Assert.Equal(DocxRefusalKind.Damaged, Refused(docx).Kind);
    }

    [Fact]
    public void Read_CorruptedDocuments_AreReadOrRefusedButNeverThrowAnythingElse()
    {
        var random = new Random(20240512);
        var docx = Create(d => d.Add(Styled("Heading1", R("Scope")), P(R("Text"), d.Footnote(R("Note."))), Item(DecimalList, 0, "Item"),
            Table(Row(Cell("a"), Cell("b")))));
        var xml = ReadEntry(docx, "word/document.xml");
        for (var i = 0; i < 150; i++)
        {
            byte[] variant;
            if (i % 2 == 0)
            {
                variant = (byte[])docx.Clone();
                for (var flips = 0; flips < 1 + i % 5; flips++) variant[random.Next(variant.Length)] ^= (byte)random.Next(1, 256);
            }
            else
            {
                var start = random.Next(xml.Length);
                variant = WithEntry(docx, "word/document.xml", xml.Remove(start, random.Next(1, Math.Min(40, xml.Length - start) + 1)));
            }

            var thrown = Record.Exception(() => DocxReader.Read(variant));

            Assert.True(thrown is null or DocxRefused, $"variant {i}: {thrown}");
        }
    }

    [Fact]
    public void Read_DocumentWithADtd_IsDamaged()
    {
        var docx = WithEntry(Create(P("Text.")), "word/document.xml",
            "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>");

        Assert.Equal(DocxRefusalKind.Damaged, Refused(docx).Kind);
    }
}
