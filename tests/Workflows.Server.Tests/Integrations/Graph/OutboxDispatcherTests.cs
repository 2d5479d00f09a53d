using System.Net;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly GraphFake _graph = new();

    public void Dispose() => _graph.Dispose();

    private const string SendMailPath = $"/v1.0/users/{GraphFake.Sender}/sendMail";

    private Task<OutboxMessage> MessageAsync(string id) => _graph.App.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    private Task<List<OutboxAttempt>> AttemptsAsync(string id) =>
        _graph.App.QueryAsync(db => db.Set<OutboxAttempt>().AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Number).ToListAsync());

    [Fact]
    public async Task Dispatch_ThrottledWithRetryAfter_WaitsThatLongThenDeliversExactlyOnce()
    {
        _graph.SendMailAnswers((429, "10"), (202, null));
        var id = await _graph.EnqueueAsync("mail", GraphFake.Mail());

        Assert.Equal(0, await _graph.DispatchAsync());
        _graph.App.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await _graph.DispatchAsync()); // Retry-After not yet over: no request at all
        Assert.Single(_graph.Requests(SendMailPath));
        _graph.App.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _graph.DispatchAsync());
        Assert.Equal(0, await _graph.DispatchAsync());

        Assert.Equal(2, _graph.Requests(SendMailPath).Count);
        Assert.Single(_graph.Requests(SendMailPath), r => r.ResponseMessage!.StatusCode!.ToString() == "202");
        var message = await MessageAsync(id);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal([OutboxAttemptOutcome.Throttled, OutboxAttemptOutcome.Sent], (await AttemptsAsync(id)).Select(a => a.Outcome!.Value));
    }

    [Fact]
    public async Task Dispatch_RepeatedServerErrors_BacksOffThenDeadLetters_VisibleAndRetriableThroughTheApi()
    {
        _graph.SendMailAnswers((500, null));
        var id = await _graph.EnqueueAsync("mail", GraphFake.Mail());
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await _graph.DispatchAsync();
            var message = await MessageAsync(id);
            if (message.NextAttemptAt is { } next)
            {
                waits.Add(next - _graph.App.Clock.GetUtcNow());
                Assert.Equal(0, await _graph.DispatchAsync()); // not before its time
                _graph.App.Clock.Advance(next - _graph.App.Clock.GetUtcNow());
            }
        }

        Assert.Equal(8, _graph.Requests(SendMailPath).Count);
        Assert.Equal(7, waits.Count);
        Assert.All(waits.Zip(waits.Skip(1)), w => Assert.True(w.Second > w.First * 0.9 || w.Second >= TimeSpan.FromMinutes(30), $"{w.First} then {w.Second}"));
        Assert.All(waits, w => Assert.True(w >= TimeSpan.FromSeconds(15) && w <= TimeSpan.FromHours(1), w.ToString()));

        var chair = _graph.App.ClientAs(People.Chair);
        var dead = await (await chair.GetAsync("/api/outbox?status=dead")).ExpectAsync(HttpStatusCode.OK);
        var item = Assert.Single(dead["items"]!.AsArray());
        Assert.Equal(id, item!["id"]!.GetValue<string>());
        Assert.Equal(8, item["attemptLog"]!.AsArray().Count);
        Assert.Contains("500", item["lastError"]!.GetValue<string>());

        _graph.SendMailAnswers((202, null));
        var retried = await (await chair.PostAsync($"/api/outbox/{id}/retry", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("pending", retried["status"]!.GetValue<string>());
        Assert.Equal(1, await _graph.DispatchAsync());
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(id)).Status);
        var again = await (await chair.PostAsync($"/api/outbox/{id}/retry", null)).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(ProblemTypeBase + "conflict", again["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatch_CrashBetweenSendingAndAcknowledging_ResendsWithTheSameTransactionId_AndEndsSent()
    {
        var id = await _graph.EnqueueAsync("calendar-event", GraphGatewayTests.Event("create", "2026-12-01T17:00:00Z"));
        // The database goes away right after Graph accepted: the outcome is never written.
        // (The claim also updates attempts, those left without an outcome: "IS NULL" tells it apart.)
        _graph.App.Faults.FailOn(sql => sql.Contains("UPDATE \"OutboxAttempts\"", StringComparison.Ordinal) && !sql.Contains("IS NULL", StringComparison.Ordinal));

        await Assert.ThrowsAnyAsync<Exception>(() => _graph.DispatchAsync());
        _graph.App.Faults.Disarm();
        Assert.Equal(OutboxStatus.Pending, (await MessageAsync(id)).Status);
        Assert.Null(Assert.Single(await AttemptsAsync(id)).Outcome); // visible: an attempt with no outcome
        Assert.Equal(0, await _graph.DispatchAsync()); // still claimed by the lost attempt
        _graph.App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await _graph.DispatchAsync());

        var creates = _graph.Requests($"/v1.0/users/{GraphFake.Sender}/events");
        Assert.Equal(2, creates.Count);
        Assert.All(creates, c => Assert.Equal(id, GraphFake.BodyOf(c)["transactionId"]!.GetValue<string>()));
        Assert.NotEqual(GraphFake.Header(creates[0], "client-request-id"), GraphFake.Header(creates[1], "client-request-id"));
        Assert.Equal(OutboxStatus.Sent, (await MessageAsync(id)).Status);
        Assert.Equal([OutboxAttemptOutcome.Interrupted, OutboxAttemptOutcome.Sent], (await AttemptsAsync(id)).Select(a => a.Outcome!.Value));
    }

    [Fact]
    public async Task Dispatch_AboveTheMailboxRate_LeavesMessagesQueued_AndSendsThemTheNextMinute()
    {
        _graph.SendMailAnswers((202, null));
        var ids = new List<string>();
        for (var i = 0; i < 35; i++) ids.Add(await _graph.EnqueueAsync("mail", GraphFake.Mail(subject: $"Message {i}")));

        Assert.Equal(30, await _graph.DispatchAsync());
        Assert.Equal(0, await _graph.DispatchAsync());
        var waiting = await _graph.App.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending).ToListAsync());
        Assert.Equal(5, waiting.Count);
        Assert.All(waiting, m => Assert.Equal(0, m.Attempts)); // queued, not failed
        Assert.Equal(ids.Skip(30).Order(), waiting.Select(m => m.Id).Order()); // oldest went first

        _graph.App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(5, await _graph.DispatchAsync());
        Assert.Equal(35, _graph.Requests(SendMailPath).Count);
    }

    [Fact]
    public async Task OutboxApi_BadQueryOrUnknownId_AnswersProblemDetails_AndMembersAreRefused()
    {
        var secretariat = _graph.App.ClientAs(People.Secretariat);

        var bad = await (await secretariat.GetAsync("/api/outbox?status=lost&pageSize=0")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["status"]);
        Assert.NotNull(bad["errors"]!["pageSize"]);
        await (await secretariat.PostAsync("/api/outbox/nope/retry", null)).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await _graph.App.ClientAs(People.MemberCanada).GetAsync("/api/outbox")).StatusCode);
    }
}
