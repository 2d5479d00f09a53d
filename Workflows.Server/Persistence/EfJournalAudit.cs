using System.Runtime.CompilerServices;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.Journal;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// Reads journals back from the database and verifies them as they stream in, one line at a time. Only lines up
/// to the instance's stored head are read: a burst committing meanwhile appends beyond it, and its lines are
/// the next check's.
/// </summary>
internal sealed class EfJournalAudit(IDbContextFactory<WorkflowDbContext> contexts) : IJournalAudit
{
    private const int InstancesPerPage = 100;

    private sealed record Head(string Id, long Sequence, string? Hash);

    public async Task<JournalCheck?> CheckAsync(string instanceId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var head = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new Head(i.Id, i.JournalSequence, i.JournalHead)).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var verifier = new JournalVerifier();
        await foreach (var line in JournalReading.LinesAsync(db, instanceId, upTo: head.Sequence, ct: ct)) verifier.Add(line);
        verifier.End(head.Sequence, head.Hash);
        return new JournalCheck(instanceId, verifier.Entries, verifier.FirstBrokenSequence);
    }

    public async IAsyncEnumerable<JournalCheck> CheckAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var page = await HeadsAfterAsync(after, ct);
            if (page.Count == 0) yield break;
            var verifiers = page.ToDictionary(h => h.Id, _ => new JournalVerifier());
            var heads = page.ToDictionary(h => h.Id, h => h.Sequence);
            var ids = page.Select(h => h.Id).ToList();
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                // In (instance, sequence) order: the primary key serves it, and each verifier sees its lines in order.
                await foreach (var line in JournalReading.LinesOfAsync(db, ids, ct))
                    if (line.Sequence <= heads[line.InstanceId]) verifiers[line.InstanceId].Add(line);
            }
            foreach (var head in page)
            {
                var verifier = verifiers[head.Id];
                verifier.End(head.Sequence, head.Hash);
                yield return new JournalCheck(head.Id, verifier.Entries, verifier.FirstBrokenSequence);
            }
            if (page.Count < InstancesPerPage) yield break;
            after = page[^1].Id;
        }
    }

    private async Task<List<Head>> HeadsAfterAsync(string? after, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var instances = db.Instances.AsNoTracking();
        // Translated to SQL, where the database compares the ids; the overloads taking a StringComparison do not translate.
#pragma warning disable CA1309
        if (after is not null) instances = instances.Where(i => string.Compare(i.Id, after) > 0);
#pragma warning restore CA1309
        return await instances.OrderBy(i => i.Id).Take(InstancesPerPage).Select(i => new Head(i.Id, i.JournalSequence, i.JournalHead)).ToListAsync(ct);
    }
}
