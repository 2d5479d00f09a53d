namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// A mailbox Graph throttled (429) and until when. Kept in the database, not in memory: every process
/// sharing it waits, instead of each learning the 429 for itself and making it last longer.
/// </summary>
public sealed class MailboxPause
{
    public required string Mailbox { get; init; }
    public DateTimeOffset Until { get; set; }
}
