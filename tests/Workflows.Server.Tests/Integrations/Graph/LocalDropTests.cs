using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

/// <summary>The embedded default: no Graph configured.</summary>
public sealed class LocalDropTests : IDisposable
{
    private readonly string _drop = Path.Combine(Path.GetTempPath(), "focwf-drop", Guid.NewGuid().ToString("N"));
    private readonly List<TestApp> _apps = [];
    private static readonly DateTimeOffset Deadline = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

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
        var request = Read("consultation:c-1:deadline", "evt-create");
        Assert.Equal(CalendarMethods.Request, request.Method);
        var created = Assert.Single(request.Events);
        Assert.Equal("consultation:c-1:deadline", created.Uid);
        Assert.Equal(new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc), created.DtStart!.AsUtc);
        Assert.True(created.DtStart.IsUtc);
        var attendee = Assert.Single(created.Attendees);
        Assert.Equal(("mailto:advisor.access@foc.example", "Access", "REQ-PARTICIPANT"), (attendee.Value?.ToString(), attendee.CommonName, attendee.Role));
        var cancellation = Read("consultation:c-1:deadline", "evt-cancel");
        Assert.Equal(CalendarMethods.Cancel, cancellation.Method);
        var cancelled = Assert.Single(cancellation.Events);
        Assert.Equal(1, cancelled.Sequence);
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
        Assert.Equal("The consultation was withdrawn.", cancelled.Description);
    }

    [Fact]
    public async Task DeadlineEntry_IsFree_AsksNoResponse_AllowsNoNewTime_AndRemindsTheDayBefore()
    {
        var entry = CalendarEntry.Deadline("consultation:c-1:deadline", "Consultation closes", "<p>Comments due.</p>", Deadline,
            [("advisor.access@foc.example", "Access"), ("advisor.ai@foc.example", "AI")], link: "/consultations/c-1");

        var e = Assert.Single((await DeliverAsync(entry)).Events);

        Assert.Equal(TransparencyType.Transparent, e.Transparency);
        Assert.Equal(2, e.Attendees.Count);
        Assert.All(e.Attendees, a => Assert.False(a.Rsvp));
        Assert.Equal("TRUE", e.Properties.Get<string>("X-MICROSOFT-DISALLOW-COUNTER"));
        var alarm = Assert.Single(e.Alarms);
        Assert.Equal(AlarmAction.Display, alarm.Action);
        Assert.False(string.IsNullOrWhiteSpace(alarm.Description));
        Assert.Equal(TriggerRelation.Start, alarm.Trigger!.Related);
        Assert.Equal(Deadline.AddDays(-1).UtcDateTime, e.DtStart!.Add(alarm.Trigger.Duration!.Value).AsUtc);
        Assert.Contains("/consultations/c-1", e.Description);
    }

    [Fact]
    public async Task MeetingEntry_IsBusy_AsksForAResponse_AndLeavesRemindersToTheAttendee()
    {
        var entry = new CalendarEntry("plenary:p-1", "Plenary", "<p>Agenda</p>", Deadline, Deadline.AddHours(2),
            [("advisor.access@foc.example", "Access")], Location: "Room 4");

        var e = Assert.Single((await DeliverAsync(entry)).Events);

        Assert.Equal(TransparencyType.Opaque, e.Transparency);
        Assert.True(Assert.Single(e.Attendees).Rsvp);
        Assert.Empty(e.Alarms);
        Assert.Null(e.Properties.Get<string>("X-MICROSOFT-DISALLOW-COUNTER"));
        Assert.Equal("Room 4", e.Location);
        Assert.Equal("mailto:focworkflows@localhost", e.Organizer?.Value?.ToString());
    }

    [Fact]
    public async Task Texts_WithCommasSemicolonsAndNonAsciiCharacters_RoundTripExactly()
    {
        const string subject = "Vote, review; décision \\ «人権» — état: ok";
        // A backslash before an n is text, not a line break.
        const string sentence = "Comments, objections; and «remarks» on § 3 — 表現の自由 & privacy\\n.";
        var body = $"<p>{WebUtility.HtmlEncode(string.Join(" ", Enumerable.Repeat(sentence, 12)))}</p><p>Ends <b>here</b>.</p>";
        var entry = new CalendarEntry("plenary:p-2", subject, body, Deadline, Deadline.AddHours(1),
            [("advisor.access@foc.example", "Ñandú, Zoë; \"the\" advisor")], Location: "Hall A, floor 2; The Hague");

        var calendar = await DeliverAsync(entry);

        var e = Assert.Single(calendar.Events);
        Assert.Equal(subject, e.Summary);
        Assert.Equal(string.Join(" ", Enumerable.Repeat(sentence, 12)) + "\nEnds here.", e.Description);
        Assert.Equal("Hall A, floor 2; The Hague", e.Location);
        Assert.Equal("Ñandú, Zoë; 'the' advisor", Assert.Single(e.Attendees).CommonName);
        // RFC 5545 3.1: content lines fold at 75 octets, not characters.
        var raw = await File.ReadAllTextAsync(Directory.GetFiles(_drop, "*.ics").Single());
        Assert.All(raw.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task Emoji_WhereALineFolds_SurvivesWhole()
    {
        // "SUMMARY:" and 64 letters leave room on the first line for the emoji's first UTF-16 half only.
        var subject = new string('a', 64) + "🌍 closes";
        var entry = new CalendarEntry("plenary:p-3", subject, "<p>Agenda</p>", Deadline, Deadline.AddHours(1), [("advisor.access@foc.example", "Access")]);

        var e = Assert.Single((await DeliverAsync(entry)).Events);

        Assert.Equal(subject, e.Summary);
    }

    /// <summary>Delivers one calendar message through the outbox and parses back the file it wrote.</summary>
    private async Task<Calendar> DeliverAsync(CalendarEntry entry)
    {
        var app = App(_drop);
        await app.QueryAsync(db =>
        {
            db.Outbox.Add(new OutboxMessage { Id = "evt", Kind = CalendarEntry.Kind, PayloadJson = entry.ToPayload("create").ToJsonString(), CreatedAt = TestApp.Epoch, NextAttemptAt = TestApp.Epoch });
            return db.SaveChangesAsync();
        });
        Assert.Equal(1, await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        return Read(entry.Key, "evt");
    }

    private Calendar Read(string eventKey, string messageId) =>
        Calendar.Load(File.ReadAllText(Path.Combine(_drop, $"{IcsWriter.FilePrefix(eventKey)}{messageId}.ics")))!;
}
