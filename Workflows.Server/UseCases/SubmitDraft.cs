using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.UseCases;

/// <summary>
/// The next version of a draft. <see cref="IdempotencyKey"/> makes a retry answer the version it made the first
/// time; the key is committed in the version's own burst, as a start commits its key.
/// </summary>
public sealed record SubmitDraftCommand(string InstanceId, string? Markdown, string? Title, string? Note, string? OnBehalfOf,
    string? IdempotencyKey = null);

/// <summary>The version recorded, and whether it was recorded by an earlier request with the same key.</summary>
public sealed record SubmittedDraft(DraftVersion Version, bool Replayed);

/// <summary>A pen-holder (or the secretariat for one) submits the next version to the open draft step.</summary>
public sealed class SubmitDraft(DraftStore drafts, IDirectory directory, WorkflowRuntime runtime, IWorkflowStore store, IdGenerator ids,
    TimeProvider time)
{
    public Task<SubmittedDraft> RunAsync(SubmitDraftCommand command, Caller caller, CancellationToken ct) =>
        UseCaseTrace.RunAsync(nameof(SubmitDraft), caller, command.InstanceId, async () =>
        {
            if (!await drafts.InstanceExistsAsync(command.InstanceId, ct)) throw WorkflowProblem.NotFound("Instance", command.InstanceId);
            var (title, note) = (Trimmed(command.Title), Trimmed(command.Note));
            if (string.IsNullOrWhiteSpace(command.Markdown))
                throw WorkflowProblem.Invalid("The draft is empty", new Dictionary<string, string[]> { ["markdown"] = ["Write the text of the draft."] });
            // Too large to read, number or diff: refused before the instance is locked or anything replayed.
            if (DraftRules.Problems(command.Markdown, title, note) is { Count: > 0 } errors) throw WorkflowProblem.Invalid("The draft is not valid", errors);

            var scope = $"submit-draft:{command.InstanceId}:{caller.Email.ToLowerInvariant()}";
            var hash = command.IdempotencyKey is null ? null : Hash(command with { Title = title, Note = note, IdempotencyKey = null });
            if (command.IdempotencyKey is { } key && await ReplayAsync(command.InstanceId, scope, key, hash!, ct) is { } replayed) return replayed;

            var acting = await Acting.ResolveAsync(caller.Email, command.OnBehalfOf, directory, ct);
            var versionId = ids.NewId();
            var payload = new JsonObject
            {
                ["action"] = DraftActivity.SubmitAction, ["versionId"] = versionId, ["markdown"] = command.Markdown, ["title"] = title, ["note"] = note,
            };
            var idempotency = command.IdempotencyKey is { } k
                ? new IdempotencyRecord { Scope = scope, Key = k, RequestHash = hash!, ResourceId = versionId, CreatedAt = time.GetUtcNow() }
                : null;
            try
            {
                await runtime.ResumeByKeyAsync(DraftActivity.Type, command.InstanceId, payload, acting.Actor, acting.OnBehalfOf, idempotency, ct);
            }
            catch (DuplicateIdempotencyKeyException) when (command.IdempotencyKey is { } raced)
            {
                // The same request, sent twice at once: the other one committed first; answer with its version.
                if (await ReplayAsync(command.InstanceId, scope, raced, hash!, ct) is { } first) return first;
                throw;
            }
            var version = await drafts.FindAsync(versionId, ct)
                ?? throw WorkflowProblem.Conflict("Step closed", "The draft step closed before this version was recorded.");
            return new SubmittedDraft(version, Replayed: false);
        });

    private async Task<SubmittedDraft?> ReplayAsync(string instanceId, string scope, string key, string hash, CancellationToken ct)
    {
        if (await store.FindIdempotencyAsync(scope, key, ct) is not { } record) return null;
        if (record.RequestHash != hash)
            throw new WorkflowProblem(ProblemKind.Unprocessable, "Idempotency key reused", "This Idempotency-Key was already used with a different request body.");
        // Keys recorded before they were committed with the version name the version's number, not its id.
        var version = await drafts.FindAsync(record.ResourceId, ct)
            ?? (int.TryParse(record.ResourceId, out var number) ? await drafts.GetAsync(instanceId, number, ct) : null)
            ?? throw WorkflowProblem.Conflict("Version gone", "The version this key recorded no longer exists.");
        return new SubmittedDraft(version, Replayed: true);
    }

    private static string Hash(SubmitDraftCommand command) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(command))));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
