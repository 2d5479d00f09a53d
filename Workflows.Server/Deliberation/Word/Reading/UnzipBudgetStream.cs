namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Reads a zip entry and counts the bytes it really expands to, against a total shared by all the entries of
/// one file. The sizes a zip declares can lie; the bytes out of the decompressor cannot, so a zip bomb is
/// stopped as soon as it passes the cap, before it fills memory or disk.
/// </summary>
internal sealed class UnzipBudgetStream(Stream inner, UnzipBudget budget) : Stream
{
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int read)
    {
        budget.Spend(read);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>What one file may still unzip to; refuses the file as a zip bomb when it is spent.</summary>
internal sealed class UnzipBudget(long limit)
{
    private long _spent;

    public void Spend(int bytes)
    {
        _spent += bytes;
        if (_spent > limit) throw DocxRefusals.ZipBomb();
    }
}
