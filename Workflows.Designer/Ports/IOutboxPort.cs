namespace FocWorkflows.Designer.Ports;

/// <summary>A mail or calendar message as the secretariat follows it.</summary>
public sealed record OutboxItem(string Id, string Kind, string Status, string? To, string? Subject, DateTimeOffset CreatedAt,
    int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>The outbox: what the workflows asked to send, and how delivery goes.</summary>
public interface IOutboxPort
{
    Task<(IReadOnlyList<OutboxItem> Items, int Total)> ListAsync(string? status, int page, int pageSize, CancellationToken ct);
}
