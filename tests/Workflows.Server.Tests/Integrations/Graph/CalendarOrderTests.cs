using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

/// <summary>
/// A consultation's deadline in the advisors' calendars, moved and cancelled while Graph fails now and
/// then: the calendar must end where the workflow last put it, and nothing may touch a cancelled event.
/// </summary>
public sealed class CalendarOrderTests : IDisposable
{
    private readonly GraphFake _graph = new(messagesPerMinute: 10_000);

    public void Dispose() => _graph.Dispose();

    [Fact]
    public async Task AnOlderMoveRetriedAfterANewerOne_IsSuperseded_AndTheCalendarKeepsTheLatestDeadline()
    {
        var (consultation, closes) = await OpenAsync();

        _graph.PatchAnswers((503, "60"));
        await ExtendAsync(consultation, "PT1H");
        await DeliverAllAsync(); // the first move fails and waits a minute
        await ExtendAsync(consultation, "PT2H");
        await DeliverAllAsync();
        _graph.App.Clock.Advance(TimeSpan.FromHours(1));
        await DeliverAllAsync();

        Assert.Equal(closes.AddHours(3), _graph.Calendar.End);
        var moves = await CalendarMessagesAsync("update");
        Assert.Equal([OutboxStatus.Superseded, OutboxStatus.Sent], moves.Select(m => m.Status));
        Assert.Equal(moves[1].Id, moves[0].SupersededBy);

        // The secretariat sees why it was never sent.
        var superseded = await (await _graph.App.ClientAs(People.Secretariat).GetAsync("/api/outbox?status=superseded")).ExpectAsync(HttpStatusCode.OK);
        var item = Assert.Single(superseded["items"]!.AsArray())!;
        Assert.Equal(moves[0].Id, item["id"]!.GetValue<string>());
        Assert.Equal(moves[1].Id, item["supersededBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMoveThatFailedBeforeTheConsultationClosedEarly_NeverReachesTheCancelledEvent()
    {
        var (consultation, _) = await OpenAsync();

        _graph.PatchAnswers((503, "60"));
        await ExtendAsync(consultation, "PT1H");
        await DeliverAllAsync();
        var closed = await _graph.App.ClientAs(People.Chair).PostAsync($"/api/consultations/{consultation}/close",
            ApiHttp.JsonBody(new { reason = "Enough comments received." }));
        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        await DeliverAllAsync();
        _graph.App.Clock.Advance(TimeSpan.FromHours(1));
        await DeliverAllAsync();

        Assert.True(_graph.Calendar.Cancelled);
        Assert.Equal(0, _graph.Calendar.ChangesAfterCancel);
        var requests = _graph.Server.LogEntries.OrderBy(e => e.RequestMessage!.DateTime).Select(e => e.RequestMessage!).ToList();
        var cancelledAt = requests.FindIndex(r => r.AbsolutePath.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.DoesNotContain(requests.Skip(cancelledAt), r => r.Method == "PATCH");
        Assert.Equal(OutboxStatus.Superseded, Assert.Single(await CalendarMessagesAsync("update")).Status);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await CalendarMessagesAsync("cancel")).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task ADeadlineMovedFiveTimesWhileGraphFailsAtRandom_EndsOnTheLastDeadline_NeverGoingBack(int seed)
    {
        var random = new Random(seed);
        var (consultation, closes) = await OpenAsync();

        var hours = 0;
        for (var move = 1; move <= 5; move++)
        {
            _graph.PatchAnswers([.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => (random.Next(2) == 0 ? 503 : 500, (string?)"30"))]);
            hours += move;
            await ExtendAsync(consultation, $"PT{move}H");
            if (random.Next(2) == 0) await DeliverAllAsync();
            _graph.App.Clock.Advance(TimeSpan.FromSeconds(random.Next(0, 90)));
        }
        for (var i = 0; i < 20 && await PendingAsync() > 0; i++)
        {
            await DeliverAllAsync();
            _graph.App.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(0, await PendingAsync());
        Assert.Equal(closes.AddHours(hours), _graph.Calendar.End);
        Assert.Equal(_graph.Calendar.Ends.Order(), _graph.Calendar.Ends); // the calendar never went back to an older deadline
        Assert.All(await CalendarMessagesAsync("update"), m => Assert.Contains(m.Status, new[] { OutboxStatus.Sent, OutboxStatus.Superseded }));
    }

    [Fact]
    public async Task ADeadlineEntry_IsFree_AsksNoResponse_AllowsNoNewTime_RemindsTheDayBefore_AndNamesAndLinksItsAttendees()
    {
        var (consultation, closes) = await OpenAsync();

        var created = GraphFake.BodyOf(Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/events")));
        Assert.Equal("free", created["showAs"]!.GetValue<string>());
        Assert.False(created["responseRequested"]!.GetValue<bool>());
        Assert.False(created["allowNewTimeProposals"]!.GetValue<bool>());
        Assert.True(created["isReminderOn"]!.GetValue<bool>());
        var start = DateTimeOffset.Parse(created["start"]!["dateTime"]!.GetValue<string>() + "Z", CultureInfo.InvariantCulture);
        Assert.Equal(closes.AddDays(-1), start.AddMinutes(-created["reminderMinutesBeforeStart"]!.GetValue<int>()));
        var names = created["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["name"]?.GetValue<string>()).ToList();
        Assert.Equal(ConsultationKit.Advisors.Length, names.Count);
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Contains($"href=\"http://localhost:5080/consultations/{consultation}\"", created["body"]!["content"]!.GetValue<string>());
        Assert.Equal("Deadline: Draft statement on AI and human rights", created["subject"]!.GetValue<string>());

        // The invitations that went with it name the consultation too, in each advisor's language.
        var subjects = _graph.Requests("/sendMail").Select(r => GraphFake.BodyOf(r)["message"]!["subject"]!.GetValue<string>()).ToList();
        Assert.Equal(ConsultationKit.Advisors.Length, subjects.Count);
        Assert.All(subjects, s => Assert.EndsWith(": Draft statement on AI and human rights", s));
    }

    [Fact]
    public async Task AMeeting_StaysANormalMeetingRequest()
    {
        var payload = GraphGatewayTests.Event("create", "2026-12-01T17:00:00Z");
        payload["purpose"] = "meeting";
        payload["eventKey"] = "meeting:i-1:kickoff";
        await _graph.EnqueueAsync("calendar-event", payload);
        Assert.Equal(1, await _graph.DispatchAsync());

        var created = GraphFake.BodyOf(Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/events")));
        Assert.Null(created["showAs"]);
        Assert.Null(created["responseRequested"]);
        Assert.Null(created["allowNewTimeProposals"]);
    }

    [Fact]
    public async Task ChangesQueuedTogether_CreateMoveCancel_NeverReachTheCalendar_AndEachSaysWhy()
    {
        var create = await _graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("create", "2026-12-01T17:00:00Z"));
        var update = await _graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("update", "2026-12-04T17:00:00Z"));
        var cancel = await _graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("cancel", "2026-12-04T17:00:00Z"));

        Assert.Equal(0, await _graph.DispatchAsync());

        Assert.Empty(_graph.Requests("/events"));
        Assert.Empty(_graph.Requests("/cancel"));
        var messages = await _graph.App.QueryAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Superseded, m.Status));
        Assert.Equal([update, cancel, null], messages.Select(m => m.SupersededBy));
        Assert.Contains("nothing to cancel", messages.Single(m => m.Id == cancel).LastError);
        Assert.Equal(create, messages[0].Id);
    }

    [Fact]
    public async Task AnEventWhoseLinkWasLost_IsFoundAgainByItsKey_AndMoved_NotCreatedTwice()
    {
        await _graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("create", "2026-12-01T17:00:00Z"));
        Assert.Equal(1, await _graph.DispatchAsync());
        // The database comes back from a backup older than the event.
        await _graph.App.QueryAsync(db => db.Set<CalendarEventLink>().ExecuteDeleteAsync());

        var update = await _graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("update", "2026-12-04T17:00:00Z"));
        Assert.Equal(1, await _graph.DispatchAsync());

        Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/events"));
        var search = Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/events", "GET"));
        Assert.Contains(GraphGateway.EventKeyProperty, WebUtility.UrlDecode(search.RequestMessage!.RawQuery));
        Assert.Single(_graph.Requests($"/events/{GraphFake.EventId}", "PATCH"));
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T17:00:00Z", CultureInfo.InvariantCulture), _graph.Calendar.End);
        var link = await _graph.App.QueryAsync(db => db.Set<CalendarEventLink>().AsNoTracking().SingleAsync());
        Assert.Equal(GraphFake.EventId, link.ExternalId);
        Assert.Equal(update, link.CreatedByMessageId);
    }

    [Fact]
    public async Task A429_PausesTheMailboxForEveryDispatcher_NotOnlyTheOneThatMetIt()
    {
        _graph.SendMailAnswers((429, "120"), (202, null));
        var other = ActivatorUtilities.CreateInstance<OutboxDispatcher>(_graph.App.Services);
        await _graph.EnqueueAsync("mail", GraphFake.Mail(subject: "First"));

        Assert.Equal(0, await _graph.DispatchAsync());
        await _graph.EnqueueAsync("mail", GraphFake.Mail(subject: "Second"));
        Assert.Equal(0, await other.DispatchDueAsync(CancellationToken.None));
        Assert.Single(_graph.Requests("/sendMail")); // the other dispatcher asked nothing while the mailbox was paused

        _graph.App.Clock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(2, await other.DispatchDueAsync(CancellationToken.None));
    }

    private async Task<(string Consultation, DateTimeOffset Closes)> OpenAsync()
    {
        _graph.SendMailAnswers((202, null));
        var (_, consultation) = await ConsultationKit.OpenAsync(_graph.App, calendarDeadline: true);
        await DeliverAllAsync();
        var closes = _graph.Calendar.End ?? throw new InvalidOperationException("The deadline did not reach the calendar.");
        return (consultation, closes);
    }

    private async Task ExtendAsync(string consultation, string by)
    {
        var extended = await _graph.App.ClientAs(People.Chair).PostAsync($"/api/consultations/{consultation}/extend",
            ApiHttp.JsonBody(new { by, reason = "Capitals asked for more time." }));
        Assert.True(extended.IsSuccessStatusCode, await extended.Content.ReadAsStringAsync());
    }

    private async Task DeliverAllAsync()
    {
        while (await _graph.DispatchAsync() > 0) { }
    }

    private Task<int> PendingAsync() => _graph.App.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending));

    private async Task<List<OutboxMessage>> CalendarMessagesAsync(string action)
    {
        var all = await _graph.App.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == "calendar-event")
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());
        return [.. all.Where(m => JsonNode.Parse(m.PayloadJson)!["action"]!.GetValue<string>() == action)];
    }
}
