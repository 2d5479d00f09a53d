using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FocWorkflows.Server.Api.Endpoints;

public sealed record BrokenJournal(string InstanceId, long FirstBrokenSequence);

/// <summary>Every instance's journal checked; <see cref="Broken"/> lists the first <see cref="JournalEndpoints.MaxListed"/> broken ones by instance id.</summary>
public sealed record JournalAuditResponse(bool Intact, long Instances, long Entries, long BrokenInstances, IReadOnlyList<BrokenJournal> Broken);

public static class JournalEndpoints
{
    public const int MaxListed = 1000;

    public static void MapJournal(this IEndpointRouteBuilder api) =>
        api.MapGet("/journal/verify", VerifyAll).WithTags("Journal").RequireAuthorization(Policies.AuditJournals).ProducesProblems(403)
            .WithSummary("Verifies the journal of every instance as stored (the secretariat); lists the broken ones with their first broken line.");

    private static async Task<Ok<JournalAuditResponse>> VerifyAll(IJournalAudit audit, CancellationToken ct)
    {
        var summary = await JournalAuditSummary.CollectAsync(audit, MaxListed, ct);
        return TypedResults.Ok(new JournalAuditResponse(summary.Intact, summary.Instances, summary.Entries, summary.BrokenInstances,
            [.. summary.Broken.Select(b => new BrokenJournal(b.InstanceId, b.FirstBrokenSequence!.Value))]));
    }
}
