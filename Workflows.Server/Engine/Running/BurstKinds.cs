namespace FocWorkflows.Server.Engine.Running;

/// <summary>What caused a burst, as telemetry names it (<c>focwf.burst.kind</c>).</summary>
public static class BurstKinds
{
    public const string Start = "start";
    public const string Resume = "resume";
    public const string Event = "event";
    public const string Timer = "timer";
    public const string Cancel = "cancel";
    public const string Retry = "retry";
    public const string Record = "record";
}

/// <summary>How a burst ended, as telemetry names it (<c>focwf.burst.outcome</c>).</summary>
public static class BurstOutcomes
{
    public const string Committed = "committed";

    /// <summary>Committed after another process's commit of the same instance made it load and run again.</summary>
    public const string CommittedAfterConflict = "committed-after-conflict";

    /// <summary>Nothing to commit (e.g. an event whose bookmark was gone by the time it ran).</summary>
    public const string Nothing = "nothing";

    /// <summary>A start with an idempotency key that a concurrent request had already used.</summary>
    public const string Replayed = "replayed";

    public const string Failed = "failed";
}
