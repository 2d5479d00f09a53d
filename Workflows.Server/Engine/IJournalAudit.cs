namespace FocWorkflows.Server.Engine;

/// <summary>One instance's journal as verified from the database; <see cref="FirstBrokenSequence"/> is null when intact.</summary>
public sealed record JournalCheck(string InstanceId, long Entries, long? FirstBrokenSequence)
{
    public bool Intact => FirstBrokenSequence is null;
}

/// <summary>
/// Verifies journals as the database holds them: a check never trusts what a burst had in memory, only
/// the stored lines and the instance's stored head.
/// </summary>
public interface IJournalAudit
{
    /// <summary>Verifies one instance's journal; null when there is no such instance.</summary>
    Task<JournalCheck?> CheckAsync(string instanceId, CancellationToken ct);

    /// <summary>Verifies every instance's journal, page by page (never all at once), in instance id order.</summary>
    IAsyncEnumerable<JournalCheck> CheckAllAsync(CancellationToken ct);
}

/// <summary>What a check of every journal found: counts, and the first broken instances.</summary>
public sealed record JournalAuditSummary(long Instances, long Entries, long BrokenInstances, IReadOnlyList<JournalCheck> Broken)
{
    public bool Intact => BrokenInstances == 0;

    /// <summary>Runs the audit; lists at most <paramref name="maxListed"/> broken instances but counts them all.</summary>
    public static async Task<JournalAuditSummary> CollectAsync(IJournalAudit audit, int maxListed, CancellationToken ct)
    {
        long instances = 0, entries = 0, brokenCount = 0;
        var broken = new List<JournalCheck>();
        await foreach (var check in audit.CheckAllAsync(ct))
        {
            instances++;
            entries += check.Entries;
            if (check.Intact) continue;
            brokenCount++;
            if (broken.Count < maxListed) broken.Add(check);
        }
        return new JournalAuditSummary(instances, entries, brokenCount, broken);
    }
}
