namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>Exponential backoff with jitter, capped: the n-th failure waits between half and all of base·2ⁿ⁻¹ (at most the cap).</summary>
internal static class RetrySchedule
{
    public static TimeSpan After(int failures, GraphOptions options, TimeSpan? serverAsked = null, Random? random = null)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ceiling = TimeSpan.FromTicks(Math.Min(options.RetryMaxDelay.Ticks, options.RetryBaseDelay.Ticks * (1L << Math.Min(exponent, 20))));
        // Jitter spreads the retries of many messages that failed together (an outage) over time.
        var wait = ceiling * (0.5 + (random ?? Random.Shared).NextDouble() * 0.5);
        return serverAsked is { } asked && asked > wait ? asked : wait;
    }
}
