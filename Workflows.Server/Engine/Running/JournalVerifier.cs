using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Checks one instance's journal line by line, in sequence order, as it is read from the database, so a
/// long journal is never held in memory. A line is broken when its sequence is not the next one (a line
/// before it was deleted: the missing sequence is named), when it does not link to the previous line's
/// hash, or when its hash does not match its content (an edited line). Only the first break counts:
/// everything after it is unproven.
/// </summary>
public sealed class JournalVerifier
{
    private string? _previousHash;
    private long _expected = 1;

    public long Entries { get; private set; }

    public long? FirstBrokenSequence { get; private set; }

    public bool Intact => FirstBrokenSequence is null;

    public void Add(JournalEntry entry)
    {
        Entries++;
        if (FirstBrokenSequence is not null) return;
        if (entry.Sequence != _expected)
        {
            FirstBrokenSequence = Math.Min(entry.Sequence, _expected);
            return;
        }
        if (entry.PreviousHash != _previousHash || entry.Hash != JournalWriter.Hash(entry, _previousHash))
        {
            FirstBrokenSequence = entry.Sequence;
            return;
        }
        _previousHash = entry.Hash;
        _expected++;
    }

    /// <summary>
    /// Checks the chain against the instance's head (its last sequence and hash, kept on the instance row
    /// in the same transaction): lines deleted from the end are missing, and the first of them is named.
    /// </summary>
    public void End(long headSequence, string? headHash)
    {
        if (FirstBrokenSequence is not null) return;
        var last = _expected - 1;
        if (last < headSequence) FirstBrokenSequence = _expected;
        else if (last > headSequence) FirstBrokenSequence = headSequence + 1;
        else if (_previousHash != headHash) FirstBrokenSequence = Math.Max(headSequence, 1);
    }
}
