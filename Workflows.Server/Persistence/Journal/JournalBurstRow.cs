namespace FocWorkflows.Server.Persistence.Journal;

/// <summary>
/// One burst's journal lines as stored: one row per burst rather than one per line, so a burst writes one row
/// however many steps it ran. The lines keep their own sequence numbers and chained hashes inside
/// <see cref="EntriesJson"/> (<see cref="JournalBurstJson"/>), so verification still names the first broken line;
/// the primary key (instance, first sequence) lets no two bursts append the same line.
/// </summary>
public sealed class JournalBurstRow
{
    public required string InstanceId { get; init; }
    public required long FirstSequence { get; init; }
    public required long LastSequence { get; init; }

    /// <summary>The lines as a JSON array, in sequence order.</summary>
    public required string EntriesJson { get; init; }
}
