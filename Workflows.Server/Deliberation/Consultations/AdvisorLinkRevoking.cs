using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>
/// The secretariat withdraws one advisor's link to a consultation, or all of them. The revocation is stored with a
/// line in the instance's journal (<c>advisor-links-revoked</c>), in one burst, like an extension or an early close.
/// Withdrawing what is already withdrawn changes nothing and journals nothing.
/// </summary>
public sealed class AdvisorLinkRevoking(ConsultationStore consultations, AdvisorLinkStore links, WorkflowRuntime runtime, IdGenerator ids)
{
    public const string Event = "advisor-links-revoked";

    /// <param name="advisor">The advisor's e-mail; null or blank for every link to the consultation.</param>
    public async Task<AdvisorLinkRevocation> RevokeAsync(string consultationId, string? advisor, string? reason, Acting acting, CancellationToken ct)
    {
        var consultation = await consultations.FindAsync(consultationId, ct) ?? throw WorkflowProblem.NotFound("Consultation", consultationId);
        var email = string.IsNullOrWhiteSpace(advisor) ? null : advisor.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, string[]>();
        if (email is not null && !consultation.Includes(email))
            errors["advisor"] = [$"'{email}' is not in this consultation's audience: no link to it was issued to them."];
        if (reason?.Length > AdvisorLinkRevocation.MaxReasonLength)
            errors["reason"] = [$"must be at most {AdvisorLinkRevocation.MaxReasonLength} characters."];
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The revocation is not valid", errors);

        var existing = (await links.RevocationsAsync(consultationId, ct)).FirstOrDefault(r => r.Email is null || r.Email == email);
        if (existing is not null) return existing;

        AdvisorLinkRevocation? revocation = null;
        await runtime.RecordAsync(consultation.InstanceId, acting.Actor, acting.OnBehalfOf, burst =>
        {
            revocation = new AdvisorLinkRevocation
            {
                Id = ids.NewId(), ConsultationId = consultation.Id, InstanceId = consultation.InstanceId, Email = email, RevokedAt = burst.Now,
                RevokedBy = acting.Email, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            };
            burst.Records.Add(revocation);
            JournalWriter.Append(burst, Event, consultation.NodeId, burst.Definition.Activities.FirstOrDefault(a => a.Id == consultation.NodeId)?.Type,
                details: new JsonObject
                {
                    ["consultationId"] = consultation.Id, ["advisor"] = email, ["allLinks"] = email is null, ["reason"] = revocation.Reason,
                });
            return Task.CompletedTask;
        }, ct);
        return revocation!;
    }
}
