using System.Collections.Concurrent;
using System.Diagnostics;
using FocWorkflows.Server.Observability;

namespace FocWorkflows.Server.Tests.Observability;

/// <summary>A burst's span and duration, as a collector listening to the engine's source and meter sees them.</summary>
public sealed class EngineTelemetryTests : IDisposable
{
    private const string Duration = "focwf.burst.duration";

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _spans;
    private readonly RecordedMeasurements _recorded = new(Duration, "focwf.commit.batch_size", "focwf.commit.latency", "focwf.timers.fired");

    // Other tests' servers run bursts in the same process: this test's spans carry its own instance id.
    private readonly string _instanceId = $"telemetry-{Guid.NewGuid():N}";

    public EngineTelemetryTests()
    {
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_spans);
    }

    public void Dispose()
    {
        _spans.Dispose();
        _recorded.Dispose();
    }

    private Activity OwnSpan() => Assert.Single(_stopped, a => Equals(a.GetTagItem(EngineTelemetry.InstanceIdTag), _instanceId));

    [Fact]
    public void EndBurst_Committed_StopsATaggedSpanAndRecordsItsDuration()
    {
        var span = EngineTelemetry.StartBurst("resume", _instanceId);
        Assert.NotNull(span);
        var took = TimeSpan.FromMilliseconds(987.625);
        EngineTelemetry.EndBurst(span, "resume", "committed", took, activitiesRun: 3);

        var stopped = OwnSpan();
        Assert.Equal("burst resume", stopped.DisplayName);
        Assert.Equal(EngineTelemetry.ActivitySourceName, stopped.Source.Name);
        Assert.Equal("resume", stopped.GetTagItem(EngineTelemetry.BurstKindTag));
        Assert.Equal("committed", stopped.GetTagItem(EngineTelemetry.BurstOutcomeTag));
        Assert.Equal(3, stopped.GetTagItem(EngineTelemetry.ActivitiesRunTag));
        Assert.Equal(ActivityStatusCode.Unset, stopped.Status);

        var duration = Assert.Single(_recorded.Of(Duration), m => m.Value == took.TotalMilliseconds);
        Assert.Equal("ms", duration.Unit);
        Assert.Equal("resume", duration.Tags[EngineTelemetry.BurstKindTag]);
        Assert.Equal("committed", duration.Tags[EngineTelemetry.BurstOutcomeTag]);
    }

    [Fact]
    public void EndBurst_Failed_MarksTheSpanAsAnError()
    {
        var span = EngineTelemetry.StartBurst("timer", _instanceId);
        EngineTelemetry.EndBurst(span, "timer", EngineTelemetry.FailedOutcome, TimeSpan.FromMilliseconds(5), activitiesRun: 1);

        var stopped = OwnSpan();
        Assert.Equal(ActivityStatusCode.Error, stopped.Status);
        Assert.Equal("failed", stopped.GetTagItem(EngineTelemetry.BurstOutcomeTag));
    }

    [Fact]
    public void EndBurst_WithoutASpan_StillRecordsTheDuration()
    {
        var took = TimeSpan.FromMilliseconds(123.375);
        EngineTelemetry.EndBurst(null, "record", "nothing", took, activitiesRun: 0);

        var duration = Assert.Single(_recorded.Of(Duration), m => m.Value == took.TotalMilliseconds);
        Assert.Equal("nothing", duration.Tags[EngineTelemetry.BurstOutcomeTag]);
    }

    [Fact]
    public void RecordCommitBatchAndTimersFired_RecordTheirInstruments()
    {
        EngineTelemetry.RecordCommitBatch(bursts: 37, TimeSpan.FromMilliseconds(41.5));
        EngineTelemetry.TimersFired(0);
        EngineTelemetry.TimersFired(29);

        Assert.Contains(_recorded.Of("focwf.commit.batch_size"), m => m.Value == 37 && m.Unit == "{burst}");
        Assert.Contains(_recorded.Of("focwf.commit.latency"), m => m.Value == 41.5 && m.Unit == "ms");
        Assert.Contains(_recorded.Of("focwf.timers.fired"), m => m.Value == 29);
        Assert.DoesNotContain(_recorded.Of("focwf.timers.fired"), m => m.Value == 0);
    }
}
