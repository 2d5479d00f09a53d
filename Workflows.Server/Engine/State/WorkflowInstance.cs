namespace FocWorkflows.Server.Engine.State;

public enum InstanceStatus { Running, Waiting, Finished, Cancelled, Faulted }

/// <summary>
/// One run of a published definition version. The flow state the interpreter needs between bursts
/// (variables, outputs, queued tokens, joins, the open incident) lives in <see cref="State"/>; the
/// columns beside it are what lists and filters need.
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public InstanceStatus Status { get; set; }
    public string? TaskForceId { get; init; }
    public string? StartedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The launch input as JSON text; immutable once started.</summary>
    public required string InputJson { get; init; }

    /// <summary><see cref="InstanceState"/> as JSON text.</summary>
    public string StateJson { get; set; } = "{}";

    /// <summary>Sequence number and hash of the last journal entry: the chain's head.</summary>
    public long JournalSequence { get; set; }
    public string? JournalHead { get; set; }

    /// <summary>Optimistic concurrency stamp: a burst that read an older stamp cannot commit.</summary>
    public long Stamp { get; set; }
}
