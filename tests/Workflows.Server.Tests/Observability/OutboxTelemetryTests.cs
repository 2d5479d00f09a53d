using FocWorkflows.Server.Observability;
using FocWorkflows.Server.Tests.Integrations.Graph;

namespace FocWorkflows.Server.Tests.Observability;

/// <summary>The real dispatcher, against the fake Graph, counts each attempt's end and times what it delivers.</summary>
public sealed class OutboxTelemetryTests : IDisposable
{
    private const string Messages = "focwf.outbox.messages";
    private const string Latency = "focwf.outbox.delivery_latency";

    private readonly GraphFake _graph = new();
    private readonly RecordedMeasurements _recorded = new(Messages, Latency);

    public void Dispose()
    {
        _recorded.Dispose();
        _graph.Dispose();
    }

    [Fact]
    public async Task Dispatch_MailSent_CountsSentAndRecordsTheLatencySinceItsCreation()
    {
        _graph.SendMailAnswers((202, null));
        await _graph.EnqueueAsync("mail", GraphFake.Mail());
        // A wait no other test's message has on its fake clock: it tells this delivery's latency apart.
        var waited = TimeSpan.FromSeconds(4321.25);
        _graph.App.Clock.Advance(waited);

        Assert.Equal(1, await _graph.DispatchAsync());

        var latency = Assert.Single(_recorded.Of(Latency), m => m.Value == waited.TotalSeconds);
        Assert.Equal("s", latency.Unit);
        Assert.Equal("mail", latency.Tags[EngineTelemetry.OutboxKindTag]);
        Assert.Contains(_recorded.Of(Messages), m => m.Value == 1
            && Equals(m.Tags[EngineTelemetry.OutboxKindTag], "mail") && Equals(m.Tags[EngineTelemetry.OutboxOutcomeTag], "sent"));
    }

    [Fact]
    public async Task Dispatch_ServerErrorThenAccepted_CountsFailedThenSent_AndTimesTheWholeWait()
    {
        _graph.SendMailAnswers((500, null), (202, null));
        await _graph.EnqueueAsync("mail", GraphFake.Mail());
        var created = _graph.App.Clock.GetUtcNow();

        Assert.Equal(0, await _graph.DispatchAsync());
        Assert.Contains(_recorded.Of(Messages), m => Equals(m.Tags[EngineTelemetry.OutboxOutcomeTag], "failed"));
        // Past any backoff, to a wait no other test has.
        _graph.App.Clock.Advance(TimeSpan.FromHours(2.5) + TimeSpan.FromMilliseconds(125));
        Assert.Equal(1, await _graph.DispatchAsync());

        var waited = _graph.App.Clock.GetUtcNow() - created;
        Assert.Single(_recorded.Of(Latency), m => m.Value == waited.TotalSeconds);
        Assert.Contains(_recorded.Of(Messages), m => Equals(m.Tags[EngineTelemetry.OutboxOutcomeTag], "sent"));
    }
}
