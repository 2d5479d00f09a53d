using System.Diagnostics;
using System.Diagnostics.Metrics;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.Observability;

/// <summary>
/// The engine's spans and instruments. Static, so the burst, commit, timer and outbox paths record
/// without a constructor change: with nothing listening, each call costs a check and a few adds.
/// OpenTelemetry (when configured), a <see cref="MeterListener"/> or <c>dotnet-counters</c> read them.
/// See README "Metrics and traces".
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The product's one meter, shared with <see cref="JournalMetrics"/>: one name to collect.</summary>
    public const string MeterName = JournalMetrics.MeterName;
    public const string ActivitySourceName = "FocWorkflows.Engine";

    public const string InstanceIdTag = "focwf.instance.id";
    public const string BurstKindTag = "focwf.burst.kind";
    public const string BurstOutcomeTag = "focwf.burst.outcome";
    public const string ActivitiesRunTag = "focwf.activities.run";
    public const string OutboxKindTag = "focwf.outbox.kind";
    public const string OutboxOutcomeTag = "focwf.outbox.outcome";

    /// <summary>The burst outcome that marks its span as an error.</summary>
    public const string FailedOutcome = "failed";

    /// <summary>The outbox outcome whose delivery latency is recorded.</summary>
    public const string SentOutcome = "sent";

    public static readonly ActivitySource Source = new(ActivitySourceName);
    public static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> BurstDuration = Meter.CreateHistogram<double>("focwf.burst.duration", unit: "ms",
        description: "How long one burst took, from loading the instance to its outcome (tags: kind, outcome).");

    private static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram("focwf.commit.batch_size", unit: "{burst}",
        description: "Bursts committed together in one database transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    private static readonly Histogram<double> CommitLatency = Meter.CreateHistogram<double>("focwf.commit.latency", unit: "ms",
        description: "How long one commit of a batch of bursts took.");

    private static readonly Counter<long> TimersFiredCount = Meter.CreateCounter<long>("focwf.timers.fired", unit: "{timer}",
        description: "Due timers fired.");

    private static readonly Counter<long> OutboxMessages = Meter.CreateCounter<long>("focwf.outbox.messages", unit: "{attempt}",
        description: "Outbox delivery attempts by their end (tags: kind, outcome: sent, failed, dead, throttled, superseded).");

    // Seconds, not milliseconds: a message may wait for minutes (rate, backoff) or days (a dead letter retried).
    private static readonly Histogram<double> OutboxDeliveryLatency = Meter.CreateHistogram("focwf.outbox.delivery_latency", unit: "s",
        description: "From an outbox message's creation (its burst's commit) to its delivery (tag: kind).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400] });

    /// <summary>Starts the span of one burst ("start", "resume", "event", "timer", "cancel", "retry", "record"); null when nothing listens.</summary>
    public static Activity? StartBurst(string kind, string instanceId)
    {
        // Without a listener StartActivity returns null anyway; checking first spares the tag list.
        if (!Source.HasListeners()) return null;
        return Source.StartActivity($"burst {kind}", ActivityKind.Internal, parentContext: default, tags: [new(BurstKindTag, kind), new(InstanceIdTag, instanceId)]);
    }

    /// <summary>Ends a burst's span (null is fine) with its outcome ("committed", "nothing", "conflict-retried", "failed"), and records its duration.</summary>
    public static void EndBurst(Activity? span, string kind, string outcome, TimeSpan duration, int activitiesRun)
    {
        BurstDuration.Record(duration.TotalMilliseconds, new(BurstKindTag, kind), new(BurstOutcomeTag, outcome));
        if (span is null) return;
        span.SetTag(BurstOutcomeTag, outcome);
        span.SetTag(ActivitiesRunTag, activitiesRun);
        if (outcome == FailedOutcome) span.SetStatus(ActivityStatusCode.Error);
        span.Dispose();
    }

    public static void RecordCommitBatch(int bursts, TimeSpan latency)
    {
        CommitBatchSize.Record(bursts);
        CommitLatency.Record(latency.TotalMilliseconds);
    }

    public static void TimersFired(int count)
    {
        if (count > 0) TimersFiredCount.Add(count);
    }

    /// <summary>One delivery attempt's end; <paramref name="sinceCreated"/> is recorded as latency when it was sent.</summary>
    public static void OutboxDelivered(string kind, string outcome, TimeSpan sinceCreated)
    {
        OutboxMessages.Add(1, new(OutboxKindTag, kind), new(OutboxOutcomeTag, outcome));
        if (outcome == SentOutcome) OutboxDeliveryLatency.Record(Math.Max(0, sinceCreated.TotalSeconds), new KeyValuePair<string, object?>(OutboxKindTag, kind));
    }
}
