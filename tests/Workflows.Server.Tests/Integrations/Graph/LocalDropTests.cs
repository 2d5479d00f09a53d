using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

/// <summary>The embedded default: no Graph configured.</summary>
public sealed class LocalDropTests : IDisposable
{
    private readonly string _drop = Path.Combine(Path.GetTempPath(), "focwf-drop", Guid.NewGuid().ToString("N"));
    private readonly List<TestApp> _apps = [];

    public void Dispose()
    {
        foreach (var app in _apps) app.Dispose();
        if (Directory.Exists(_drop)) Directory.Delete(_drop, recursive: true);
    }

    private TestApp App(string? dropFolder)
    {
        var app = new TestApp(settings: dropFolder is null ? null : new Dictionary<string, string?> { ["Graph:DropFolder"] = dropFolder });
        _apps.Add(app);
        return app;
    }

    private static async Task NotifyAdvisorsAsync(TestApp app)
    {
        await app.PublishAsync(Define("tell").Input("taskForceId").Start()
            .Node("tell", "deliberation.notify", new { audience = "advisoryNetwork", subject = Liquid("Consultation open"), body = Liquid("Closes soon.") })
            .Chain("start", "tell").Build());
        await app.StartAsync("tell", new JsonObject { ["taskForceId"] = "ai-and-human-rights" });
    }

    [Fact]
    public async Task Dispatch_WithoutGraphOrDropFolder_HoldsMessagesInTheOutbox()
    {
        var app = App(null);
        await NotifyAdvisorsAsync(app);

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var statuses = await app.QueryAsync(db => db.Outbox.AsNoTracking().Select(m => m.Status).ToListAsync());
        Assert.Equal(4, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(OutboxStatus.Held, s));
    }

    [Fact]
    public async Task Dispatch_WithDropFolder_WritesEmlAndIcsFiles()
    {
        var app = App(_drop);
        await NotifyAdvisorsAsync(app);
        var create = GraphGatewayTests.Event("create", "2026-12-01T17:00:00Z");
        var cancel = GraphGatewayTests.Event("cancel", "2026-12-01T17:00:00Z");
        await app.QueryAsync(db =>
        {
            db.Outbox.Add(new OutboxMessage { Id = "evt-create", Kind = "calendar-event", PayloadJson = create.ToJsonString(), CreatedAt = TestApp.Epoch.AddSeconds(1), NextAttemptAt = TestApp.Epoch });
            db.Outbox.Add(new OutboxMessage { Id = "evt-cancel", Kind = "calendar-event", PayloadJson = cancel.ToJsonString(), CreatedAt = TestApp.Epoch.AddSeconds(2), NextAttemptAt = TestApp.Epoch });
            return db.SaveChangesAsync();
        });

        Assert.Equal(6, await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));

        var emls = Directory.GetFiles(_drop, "*.eml");
        Assert.Equal(4, emls.Length);
        var eml = await File.ReadAllTextAsync(emls.Single(f => File.ReadAllText(f).Contains("advisor.ai@foc.example")));
        Assert.Contains("Subject: Consultation open", eml);
        Assert.Contains("X-FocWorkflows-Outbox-Id:", eml);
        var ics = Directory.GetFiles(_drop, "*.ics").Select(File.ReadAllText).ToList();
        Assert.Equal(2, ics.Count);
        var request = ics.Single(i => i.Contains("METHOD:REQUEST"));
        Assert.Contains("UID:consultation:c-1:deadline", request);
        Assert.Contains("DTSTART:20261201T170000Z", request);
        Assert.Contains("ATTENDEE;ROLE=REQ-PARTICIPANT;CN=\"Access\":mailto:advisor.access@foc.example", request);
        var cancelled = ics.Single(i => i.Contains("METHOD:CANCEL"));
        Assert.Contains("SEQUENCE:1", cancelled);
        Assert.Contains("STATUS:CANCELLED", cancelled);
    }
}
