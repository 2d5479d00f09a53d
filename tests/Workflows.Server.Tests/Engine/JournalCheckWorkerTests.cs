using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

/// <summary>The daily check of every journal: quiet while they are intact, an error and a metric when one breaks.</summary>
public sealed class JournalCheckWorkerTests : IDisposable
{
    private readonly TestApp _app = new(settings: new Dictionary<string, string?> { ["Engine:RunJournalCheck"] = "true" });
    private readonly FakeLoggerProvider _logs = new();
    private readonly ConcurrentQueue<long> _brokenInstances = new();

    public void Dispose() => _app.Dispose();

    private bool Logged(LogLevel level, string text) =>
        _logs.Collector.GetSnapshot().Any(r => r.Level == level && r.Message.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Check_JournalEditedInTheDatabase_LogsTheInstanceAndRaisesTheBrokenInstancesMetric()
    {
        using var host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(_logs)));
        using var listener = ListenToBrokenInstances(host.Services.GetRequiredService<IMeterFactory>());
        var definitions = host.Services.GetRequiredService<DefinitionStore>();
        await definitions.SaveDraftAsync(Define("plain").Start().Node("note", ControlActivityTypes.Log, new { message = "noted" }).Chain("start", "note").Build(),
            People.Secretariat, CancellationToken.None);
        await definitions.PublishAsync("plain", People.Secretariat, CancellationToken.None);
        var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
        var intact = (await runtime.StartAsync(new StartRequest("plain", null, null, People.Chair), CancellationToken.None)).Instance.Id;
        var victim = (await runtime.StartAsync(new StartRequest("plain", null, null, People.Chair), CancellationToken.None)).Instance.Id;
        await TestApp.EventuallyAsync(() => Task.FromResult(Logged(LogLevel.Information, "all intact")), "the check at start ran");
        Assert.Empty(_brokenInstances);

        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync())
            await JournalTampering.EditLineAsync(db, victim, 2, line => line["actor"] = "mallory@foc.example");
        await TestApp.EventuallyAsync(() =>
        {
            _app.Clock.Advance(TimeSpan.FromDays(1)); // the next daily check, whenever the worker sleeps
            return Task.FromResult(!_brokenInstances.IsEmpty);
        }, "a check found the broken journal");

        Assert.All(_brokenInstances, count => Assert.Equal(1, count));
        Assert.True(Logged(LogLevel.Error, $"instance {victim} is broken from line 2"), string.Join("\n", _logs.Collector.GetSnapshot().Select(r => $"{r.Level}: {r.Message}")));
        Assert.False(Logged(LogLevel.Error, intact));
    }

    private MeterListener ListenToBrokenInstances(IMeterFactory appMeters)
    {
        var listener = new MeterListener
        {
            // Only this app's meter: other tests' servers run in the same process.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == appMeters && instrument is { Name: JournalMetrics.BrokenInstancesName, Meter.Name: JournalMetrics.MeterName })
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => _brokenInstances.Enqueue(value));
        listener.Start();
        return listener;
    }
}
