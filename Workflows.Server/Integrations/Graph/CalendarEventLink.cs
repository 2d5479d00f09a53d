namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// The calendar event a workflow knows by its own key (e.g. <c>consultation:42:deadline</c>), and the
/// id the gateway gave it, so later updates and cancellations find it.
/// </summary>
public sealed class CalendarEventLink
{
    public required string Key { get; init; }
    public required string Mailbox { get; init; }
    public required string ExternalId { get; set; }
    public required string CreatedByMessageId { get; init; }
    public bool Cancelled { get; set; }
}
