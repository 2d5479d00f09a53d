namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The system clock moved ahead by a fixed offset: "later today" without waiting for it. Unlike a fake
/// clock that stands still, it runs at real speed and its timers are the system's, so anything the
/// engine waits for with the clock (a poll interval, a commit pipeline's batching window) still comes.
/// </summary>
public sealed class ClockAhead(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
