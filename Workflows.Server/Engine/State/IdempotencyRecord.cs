namespace FocWorkflows.Server.Engine.State;

/// <summary>
/// Remembers a client's <c>Idempotency-Key</c> with what it created, written in the same
/// transaction as the creation, so a retried request returns the same result.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The operation, e.g. <c>start-instance</c>, and the caller: keys are per caller.</summary>
    public required string Scope { get; init; }
    public required string Key { get; init; }

    /// <summary>Hash of the request body: the same key with another body is refused.</summary>
    public required string RequestHash { get; init; }
    public required string ResourceId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
