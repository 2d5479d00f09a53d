namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// The one rule for a step's due time given as a duration from now or as a moment: exactly one of
/// the two, stored in UTC. Delays, consultations and approval rounds share it.
/// </summary>
public static class Deadline
{
    /// <returns>The due time, or null when both or neither were given.</returns>
    public static DateTimeOffset? From(TimeSpan? after, DateTimeOffset? until, DateTimeOffset now) =>
        after is null == until is null ? null : until?.ToUniversalTime() ?? now + after!.Value;
}
