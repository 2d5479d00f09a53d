using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Tests.Deliberation.Workflows;

/// <summary>Deadlines in calendars follow the step: cancelled when it ends early or the workflow is cancelled.</summary>
public sealed class CalendarDeadlineTests : IDisposable
{
    private readonly TestApp _app = new(standardWorkflows: true);
    private readonly Deliberator _d;

    public CalendarDeadlineTests() => _d = new Deliberator(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SilenceBrokenEarly_CancelsTheDeadlineEntry()
    {
        await _d.LaunchAsync("rapid-response-statement", new { title = "Shutdown in Country X" });
        await _d.SubmitDraftAsync("draft", People.Chair, "The FOC is concerned.");
        var round = await _d.ResourceIdAsync("silence");

        await _d.RespondAsync(round, "diplomat.fr@foc.example", "object", "Too soft.");

        var events = await CalendarMessagesAsync();
        Assert.Equal(["create", "cancel"], events.Select(e => e["action"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal($"approval:{round}:deadline", e["eventKey"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CancellingTheWorkflow_CancelsEveryOpenCalendarEntry()
    {
        await _d.LaunchAsync("joint-statement", new { taskForceId = "ai-and-human-rights", title = "AI and Human Rights" });
        await _d.SubmitDraftAsync("draft", People.CoChair, "States should protect rights.");
        var review = await _d.ResourceIdAsync("tf-review");

        var cancelled = await _app.ClientAs(People.Chair).PostAsync($"/api/instances/{_d.InstanceId}/cancel", ApiHttp.JsonBody(new { reason = "Overtaken by events." }));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var cancel = (await CalendarMessagesAsync()).Single(e => e["action"]!.GetValue<string>() == "cancel");
        Assert.Equal($"consultation:{review}:deadline", cancel["eventKey"]!.GetValue<string>());
        Assert.Contains("Overtaken by events.", cancel["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeadlineReached_LeavesTheEntryInCalendars()
    {
        await _d.LaunchAsync("joint-statement", new { taskForceId = "ai-and-human-rights", title = "AI and Human Rights" });
        await _d.SubmitDraftAsync("draft", People.CoChair, "States should protect rights.");

        await _d.PassAsync(TimeSpan.FromDays(14));
        await _app.ClientAs(People.Chair).PostAsync($"/api/instances/{_d.InstanceId}/cancel", ApiHttp.JsonBody(new { reason = "Stopped." }));

        Assert.DoesNotContain(await CalendarMessagesAsync(), e => e["action"]!.GetValue<string>() == "cancel");
    }

    private async Task<List<JsonNode>> CalendarMessagesAsync() =>
        [.. (await _app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == "calendar-event").OrderBy(m => m.Id).ToListAsync()))
            .Select(m => JsonNode.Parse(m.PayloadJson)!)];
}
