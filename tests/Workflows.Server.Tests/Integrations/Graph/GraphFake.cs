using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

/// <summary>
/// A local Microsoft Graph and Entra ID token endpoint (WireMock over real HTTP), and a TestApp whose
/// real GraphServiceClient talks to it.
/// </summary>
public sealed class GraphFake : IDisposable
{
    public const string Sender = "secretariat@foc.example";
    public const string Token = "fake-graph-token";
    public const string EventId = "AAMkAGI1-event-1";

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _postgres;
    private readonly List<TestApp> _otherProcesses = [];

    /// <param name="standardWorkflows">Publish the standard FOC workflows, for end-to-end runs.</param>
    /// <param name="messagesPerMinute">The mailbox's rate; end-to-end runs send many messages at once.</param>
    /// <param name="postgresConnectionString">Run on this PostgreSQL database (which <see cref="AnotherProcess"/> can share).</param>
    public GraphFake(bool standardWorkflows = false, int messagesPerMinute = 30, string? postgresConnectionString = null)
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().WithPath("/tenant-1/oauth2/v2.0/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithBodyAsJson(new { token_type = "Bearer", expires_in = 3600, access_token = Token }));
        Server.Given(Request.Create().WithPath("/v1.0/users/*/sendMail").UsingPost())
            .RespondWith(Response.Create().WithCallback(request => Answer(_sendMail, request, _ => { })));
        Server.Given(Request.Create().WithPath("/v1.0/users/*/events").UsingPost())
            .RespondWith(Response.Create().WithCallback(request => Answer(_create, request, Calendar.Created)));
        // Finding an event by the key it carries (its extended property), as Graph's $filter does.
        Server.Given(Request.Create().WithPath("/v1.0/users/*/events").UsingGet())
            .RespondWith(Response.Create().WithCallback(request => new ResponseMessage
            {
                StatusCode = 200, Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
                BodyData = new BodyData
                {
                    BodyAsString = Calendar.Key is { } key && WebUtility.UrlDecode(request.RawQuery ?? "").Contains($"'{key}'")
                        ? $"{{\"value\":[{{\"id\":\"{EventId}\"}}]}}" : "{\"value\":[]}",
                    DetectedBodyType = BodyType.String,
                },
            }));
        Server.Given(Request.Create().WithPath($"/v1.0/users/*/events/{EventId}").UsingPatch())
            .RespondWith(Response.Create().WithCallback(request => Answer(_patch, request, Calendar.Patched)));
        Server.Given(Request.Create().WithPath($"/v1.0/users/*/events/{EventId}/cancel").UsingPost())
            .RespondWith(Response.Create().WithCallback(request => Answer(_cancel, request, _ => Calendar.Cancel())));
        _settings = new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "tenant-1", ["Graph:ClientId"] = "client-1", ["Graph:ClientSecret"] = "secret-1",
            ["Graph:SenderMailbox"] = Sender, ["Graph:MessagesPerMinute"] = messagesPerMinute.ToString(CultureInfo.InvariantCulture),
            // "localhost", not 127.0.0.1: the SDK sends tokens over plain http to localhost only.
            ["Graph:BaseUrl"] = $"http://localhost:{Server.Port}/v1.0",
            ["Graph:TokenEndpoint"] = $"http://localhost:{Server.Port}/tenant-1/oauth2/v2.0/token",
        };
        _postgres = postgresConnectionString;
        App = new TestApp(standardWorkflows: standardWorkflows, settings: _settings, postgresConnectionString: _postgres);
    }

    /// <summary>
    /// A second server on the same PostgreSQL database, clock and fake Graph, as another process would be;
    /// it starts after <see cref="App"/>, which has migrated the database.
    /// </summary>
    public TestApp AnotherProcess()
    {
        if (_postgres is null) throw new InvalidOperationException("Only apps on PostgreSQL share a database across processes.");
        _ = App.Services;
        var other = new TestApp(clock: App.Clock, settings: _settings, postgresConnectionString: _postgres);
        _otherProcesses.Add(other);
        _ = other.Services;
        return other;
    }

    public WireMockServer Server { get; }

    /// <summary>The one event as the calendar holds it after every request Graph accepted.</summary>
    public FakeCalendar Calendar { get; } = new();

    // Until a test says how, sendMail answers as an unknown path would: 404.
    private readonly AnswerScript _sendMail = new(404);
    private readonly AnswerScript _create = new(201);
    private readonly AnswerScript _patch = new(200);
    private readonly AnswerScript _cancel = new(202);

    /// <summary>sendMail answers these statuses in turn (then the last one forever); a Retry-After goes with its answer.</summary>
    public void SendMailAnswers(params (int Status, string? RetryAfter)[] answers) => _sendMail.Replace(answers);

    /// <summary>The next event creations answer these statuses in turn, then succeed again.</summary>
    public void CreateAnswers(params (int Status, string? RetryAfter)[] answers) => _create.Then(answers);

    /// <summary>The next PATCHes of the event answer these statuses in turn, then succeed again.</summary>
    public void PatchAnswers(params (int Status, string? RetryAfter)[] answers) => _patch.Then(answers);

    /// <summary>The next cancellations answer these statuses in turn, then succeed again.</summary>
    public void CancelAnswers(params (int Status, string? RetryAfter)[] answers) => _cancel.Then(answers);

    /// <summary>What one Graph operation answers: scripted answers in turn, then a standing one.</summary>
    private sealed class AnswerScript(int standing)
    {
        private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _next = new();
        private (int Status, string? RetryAfter) _standing = (standing, null);

        public void Then((int Status, string? RetryAfter)[] answers)
        {
            foreach (var a in answers) _next.Enqueue(a);
        }

        public void Replace((int Status, string? RetryAfter)[] answers)
        {
            _next.Clear();
            Then(answers[..^1]);
            _standing = answers[^1];
        }

        public (int Status, string? RetryAfter) Next() => _next.TryDequeue(out var a) ? a : _standing;
    }

    /// <summary>How long each answer takes, to let dispatchers overlap.</summary>
    public TimeSpan EventLatency { get; set; }

    private ResponseMessage Answer(AnswerScript script, IRequestMessage request, Action<JsonObject?> accepted)
    {
        if (EventLatency > TimeSpan.Zero) Thread.Sleep(EventLatency);
        var (status, retryAfter) = script.Next();
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") };
        if (retryAfter is not null) headers["Retry-After"] = new(retryAfter);
        string body;
        if (status < 400)
        {
            accepted(string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject);
            body = $"{{\"id\":\"{EventId}\"}}";
        }
        else body = $"{{\"error\":{{\"code\":\"{(status == 429 ? "ApplicationThrottled" : "ServiceUnavailable")}\",\"message\":\"fake\"}}}}";
        return new ResponseMessage
        {
            StatusCode = status, Headers = headers,
            BodyData = status == 202 ? null : new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        };
    }
    public TestApp App { get; }

    public OutboxDispatcher Dispatcher => App.Services.GetRequiredService<OutboxDispatcher>();

    public Task<int> DispatchAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);

    public IReadOnlyList<ILogEntry> Requests(string pathEnd, string method = "POST") =>
        [.. Server.LogEntries.Where(e => e.RequestMessage!.Method == method
            && WebUtility.UrlDecode(e.RequestMessage.AbsolutePath).EndsWith(pathEnd, StringComparison.Ordinal))];

    // The SDK writes sendMail's body as "Message" and "SaveToSentItems"; Graph reads names case-insensitively.
    public static JsonObject BodyOf(ILogEntry entry) =>
        (JsonObject)JsonNode.Parse(entry.RequestMessage!.Body!, new JsonNodeOptions { PropertyNameCaseInsensitive = true })!;

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    public async Task<string> EnqueueAsync(string kind, JsonObject payload)
    {
        // A second apart, as separate bursts would be: messages go out oldest first.
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var id = Guid.CreateVersion7(App.Clock.GetUtcNow()).ToString("N");
        await App.QueryAsync(async db =>
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = id, Kind = kind, PayloadJson = payload.ToJsonString(), CreatedAt = App.Clock.GetUtcNow(),
                EventKey = kind == "calendar-event" ? payload["eventKey"]?.GetValue<string>() : null,
                Status = OutboxStatus.Pending, NextAttemptAt = App.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public static JsonObject Mail(string to = People.MemberCanada, string subject = "Adopted", string body = "The statement was adopted.") =>
        new() { ["to"] = to, ["name"] = "Diplomat", ["language"] = "en", ["timeZone"] = "UTC", ["subject"] = subject, ["body"] = body };

    public void Dispose()
    {
        foreach (var other in _otherProcesses) other.Dispose();
        App.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

/// <summary>What the fake Graph's calendar shows of its one event: where it ends, whether it is cancelled, and any change that reached it after.</summary>
public sealed class FakeCalendar
{
    private readonly Lock _gate = new();

    public DateTimeOffset? End { get; private set; }

    /// <summary>The workflow key the event carries (its single-value extended property).</summary>
    public string? Key { get; private set; }
    public bool Cancelled { get; private set; }
    public int ChangesAfterCancel { get; private set; }

    /// <summary>The end of every change Graph accepted, in the order it accepted them.</summary>
    public List<DateTimeOffset> Ends { get; } = [];

    internal void Created(JsonObject? body)
    {
        lock (_gate)
        {
            Cancelled = false;
            Key = body?["singleValueExtendedProperties"]?[0]?["value"]?.GetValue<string>();
            Record(body);
        }
    }

    internal void Patched(JsonObject? body)
    {
        lock (_gate)
        {
            if (Cancelled) ChangesAfterCancel++;
            Record(body);
        }
    }

    internal void Cancel()
    {
        lock (_gate) Cancelled = true;
    }

    private void Record(JsonObject? body)
    {
        if (body?["end"]?["dateTime"]?.GetValue<string>() is not { } end) return;
        End = DateTimeOffset.Parse(end + "Z", System.Globalization.CultureInfo.InvariantCulture);
        Ends.Add(End.Value);
    }
}
