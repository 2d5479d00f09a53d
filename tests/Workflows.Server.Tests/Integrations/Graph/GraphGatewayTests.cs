using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

/// <summary>The real GraphServiceClient over real HTTP against a fake Graph: paths, JSON, token.</summary>
public sealed class GraphGatewayTests : IDisposable
{
    private readonly GraphFake _graph = new();

    public void Dispose() => _graph.Dispose();

    [Fact]
    public async Task SendMail_PostsToTheSenderMailbox_WithHtmlBodyAndTheBearerToken()
    {
        _graph.SendMailAnswers((202, null));
        var id = await _graph.EnqueueAsync("mail", GraphFake.Mail(body: "Line <1>\nLine 2"));

        Assert.Equal(1, await _graph.DispatchAsync());

        var token = Assert.Single(_graph.Requests("/tenant-1/oauth2/v2.0/token"));
        Assert.Contains("grant_type=client_credentials", token.RequestMessage!.Body);
        Assert.Contains("client_id=client-1", token.RequestMessage!.Body);
        var send = Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/sendMail"));
        Assert.Equal($"Bearer {GraphFake.Token}", GraphFake.Header(send, "Authorization"));
        Assert.Equal(OutboxDispatcher.RequestId(id, 1), GraphFake.Header(send, "client-request-id"));
        var message = GraphFake.BodyOf(send)["message"]!;
        Assert.Equal("Adopted", message["subject"]!.GetValue<string>());
        Assert.Equal("html", message["body"]!["contentType"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal("Line &lt;1&gt;<br>\nLine 2", message["body"]!["content"]!.GetValue<string>());
        Assert.Equal(People.MemberCanada, message["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal(id, message["internetMessageHeaders"]![0]!["value"]!.GetValue<string>());
        var stored = await _graph.App.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(OutboxStatus.Sent, stored.Status);
    }

    [Fact]
    public async Task CalendarEvent_CreateUpdateCancel_HitTheEventPaths_WithTransactionIdOnCreate_AndImmutableIds()
    {
        var create = await _graph.EnqueueAsync("calendar-event", Event("create", "2026-12-01T17:00:00Z"));
        Assert.Equal(1, await _graph.DispatchAsync());
        var update = await _graph.EnqueueAsync("calendar-event", Event("update", "2026-12-04T17:00:00Z"));
        Assert.Equal(1, await _graph.DispatchAsync());
        var cancel = await _graph.EnqueueAsync("calendar-event", Event("cancel", "2026-12-04T17:00:00Z"));
        Assert.Equal(1, await _graph.DispatchAsync());

        var creation = Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/events"));
        var created = GraphFake.BodyOf(creation);
        Assert.Equal(create, created["transactionId"]!.GetValue<string>());
        // The event carries its workflow key, and Graph is asked for ids that survive a mailbox move.
        var property = Assert.Single(created["singleValueExtendedProperties"]!.AsArray())!;
        Assert.Equal(GraphGateway.EventKeyProperty, property["id"]!.GetValue<string>());
        Assert.Equal("consultation:c-1:deadline", property["value"]!.GetValue<string>());
        Assert.All(_graph.Server.LogEntries.Where(e => e.RequestMessage!.AbsolutePath.Contains("/events")),
            e => Assert.Equal("IdType=\"ImmutableId\"", GraphFake.Header(e, "Prefer")));
        Assert.Equal("Consultation closes", created["subject"]!.GetValue<string>());
        Assert.Equal("2026-12-01T17:00:00", created["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("UTC", created["start"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("advisor.access@foc.example", created["attendees"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        var patched = GraphFake.BodyOf(Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/events/{GraphFake.EventId}", "PATCH")));
        Assert.Equal("2026-12-04T17:00:00", patched["start"]!["dateTime"]!.GetValue<string>());
        Assert.Null(patched["transactionId"]);
        var cancelled = GraphFake.BodyOf(Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/events/{GraphFake.EventId}/cancel")));
        Assert.Equal("The consultation was withdrawn.", cancelled["comment"]!.GetValue<string>());
        var statuses = await _graph.App.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => new[] { create, update, cancel }.Contains(m.Id))
            .Select(m => m.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(OutboxStatus.Sent, s));
    }

    internal static JsonObject Event(string action, string start) => new()
    {
        ["action"] = action, ["eventKey"] = "consultation:c-1:deadline", ["subject"] = "Consultation closes", ["body"] = "<p>Comments due.</p>",
        ["start"] = start, ["end"] = start, ["attendees"] = new JsonArray(new JsonObject { ["email"] = "advisor.access@foc.example", ["name"] = "Access" }),
        ["comment"] = action == "cancel" ? "The consultation was withdrawn." : null,
    };
}
