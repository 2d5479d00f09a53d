using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

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
        Server.Given(Request.Create().WithPath("/v1.0/users/*/events").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody($"{{\"id\":\"{EventId}\",\"subject\":\"created\"}}"));
        // Finding an event by its key: none, unless a test says otherwise.
        Server.Given(Request.Create().WithPath("/v1.0/users/*/events").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"value\":[]}"));
        Server.Given(Request.Create().WithPath($"/v1.0/users/*/events/{EventId}").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($"{{\"id\":\"{EventId}\"}}"));
        Server.Given(Request.Create().WithPath($"/v1.0/users/*/events/{EventId}/cancel").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202));
        _settings = new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "tenant-1", ["Graph:ClientId"] = "client-1", ["Graph:ClientSecret"] = "secret-1",
            ["Graph:SenderMailbox"] = Sender, ["Graph:MessagesPerMinute"] = messagesPerMinute.ToString(),
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
    public TestApp App { get; }

    public OutboxDispatcher Dispatcher => App.Services.GetRequiredService<OutboxDispatcher>();

    public Task<int> DispatchAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);

    /// <summary>sendMail answers these statuses in turn (then the last one forever); headers go with a 429.</summary>
    public void SendMailAnswers(params (int Status, string? RetryAfter)[] answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var (status, retryAfter) = answers[i];
            var response = Response.Create().WithStatusCode(status);
            if (status >= 400) response = response.WithBodyAsJson(new { error = new { code = status == 429 ? "ApplicationThrottled" : "ServiceUnavailable", message = "fake" } });
            if (retryAfter is not null) response = response.WithHeader("Retry-After", retryAfter);
            var request = Server.Given(Request.Create().WithPath("/v1.0/users/*/sendMail").UsingPost()).InScenario("sendMail");
            request = i == 0 ? request.WhenStateIs(null!) : request.WhenStateIs($"step-{i}");
            if (i < answers.Length - 1) request = request.WillSetStateTo($"step-{i + 1}");
            request.RespondWith(response);
        }
    }

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
