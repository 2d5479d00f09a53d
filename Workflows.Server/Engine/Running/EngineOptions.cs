namespace FocWorkflows.Server.Engine.Running;

/// <summary>The engine's settings (section <c>Engine</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>How many activities one burst may run before it is faulted as a runaway loop.</summary>
    public int MaxActivitiesPerBurst { get; set; } = 1000;

    /// <summary>Whether this process fires due timers (tests that fire them by hand turn it off).</summary>
    public bool RunTimerWorker { get; set; } = true;

    /// <summary>How often the timer worker looks for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long due timers taken by a pass stay its own: another process (PostgreSQL) or pass fires them only
    /// after that, so a crashed process delays its timers by at most this, and a timer whose fire failed is
    /// tried again then rather than at every pass.
    /// </summary>
    public TimeSpan TimerClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether this process checks every journal in the background (at start, then every <see cref="JournalCheckInterval"/>).</summary>
    public bool RunJournalCheck { get; set; } = true;

    /// <summary>How often every instance's journal is verified from the database; a broken one is logged and counted.</summary>
    public TimeSpan JournalCheckInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How many bursts one commit may carry at most (<see cref="CommitPipeline"/>): bursts that wait while one
    /// commit is written go together in the next, in one transaction and one flush to disk.
    /// </summary>
    public int MaxBurstsPerCommit { get; set; } = 256;

    /// <summary>How many claimed timers of different instances fire at once, so their bursts commit together.</summary>
    public int TimersFiredAtOnce { get; set; } = 16;
}
