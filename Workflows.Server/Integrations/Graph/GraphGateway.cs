using System.Globalization;
using System.Net;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using GraphRecipient = Microsoft.Graph.Models.Recipient;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>Mail and calendar through Microsoft Graph, as the application (client credentials).</summary>
public sealed class GraphGateway(GraphServiceClient client, TimeProvider time) : IMailCalendarGateway
{
    public const string OutboxIdHeader = "X-FocWorkflows-Outbox-Id";

    /// <summary>
    /// A single-value extended property (a named MAPI property in our own GUID namespace) holding the workflow's
    /// key of the event, so an entry can be found in the calendar without our database's link to it.
    /// </summary>
    public const string EventKeyProperty = "String {8c5e1f0a-4b7d-4e2a-9f63-2d1c7a90b5e4} Name FocWorkflowsEventKey";

    // Event ids that survive a mailbox moving between databases or tenants' regions; the default ids do not.
    private const string ImmutableIds = "IdType=\"ImmutableId\"";

    public bool Delivers => true;

    public Task SendMailAsync(OutgoingMail mail, DeliveryContext delivery, CancellationToken ct) => CallAsync(async () =>
        await client.Users[delivery.Mailbox].SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
                ToRecipients = [ToGraph(mail.To)],
                // Graph has no idempotency key for sendMail; this header lets a duplicate be recognised.
                InternetMessageHeaders = [new InternetMessageHeader { Name = OutboxIdHeader, Value = delivery.MessageId }],
            },
            SaveToSentItems = true,
        }, r => r.Headers.Add("client-request-id", delivery.RequestId), ct));

    public Task<string> CreateEventAsync(CalendarEvent calendarEvent, DeliveryContext delivery, CancellationToken ct) => CallAsync(async () =>
    {
        var body = ToGraph(calendarEvent);
        // Graph answers a repeated create carrying the same transactionId with the event it already made.
        body.TransactionId = delivery.MessageId;
        body.SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = EventKeyProperty, Value = calendarEvent.Key }];
        var created = await client.Users[delivery.Mailbox].Events.PostAsync(body, r => Headers(r.Headers, delivery), ct);
        return created?.Id ?? throw new DeliveryException(DeliveryFailureKind.Transient, "Graph created the event but returned no id.");
    });

    public Task<string?> FindEventAsync(string key, DeliveryContext delivery, CancellationToken ct) => CallAsync(async () =>
    {
        var found = await client.Users[delivery.Mailbox].Events.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{EventKeyProperty}' and ep/value eq '{key.Replace("'", "''")}')";
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = 1;
            Headers(r.Headers, delivery);
        }, ct);
        return found?.Value?.FirstOrDefault()?.Id;
    });

    public Task UpdateEventAsync(string externalId, CalendarEvent calendarEvent, DeliveryContext delivery, CancellationToken ct) => CallAsync(async () =>
        await client.Users[delivery.Mailbox].Events[externalId].PatchAsync(ToGraph(calendarEvent), r => Headers(r.Headers, delivery), ct));

    public Task CancelEventAsync(string externalId, CalendarEvent calendarEvent, string? comment, DeliveryContext delivery, CancellationToken ct) =>
        CallAsync(async () => await client.Users[delivery.Mailbox].Events[externalId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment },
            r => Headers(r.Headers, delivery), ct));

    private static void Headers(RequestHeaders headers, DeliveryContext delivery)
    {
        headers.Add("client-request-id", delivery.RequestId);
        headers.Add("Prefer", ImmutableIds);
    }

    private static GraphRecipient ToGraph(Recipient r) => new() { EmailAddress = new EmailAddress { Address = r.Email, Name = r.Name } };

    private static Event ToGraph(CalendarEvent e) => new()
    {
        Subject = e.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = e.HtmlBody },
        // Absolute times in UTC; Outlook shows them in each reader's zone.
        Start = new DateTimeTimeZone { DateTime = Utc(e.Start), TimeZone = "UTC" },
        End = new DateTimeTimeZone { DateTime = Utc(e.End), TimeZone = "UTC" },
        IsAllDay = e.IsAllDay,
        Attendees = [.. e.Attendees.Select(a => new Attendee { EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name }, Type = AttendeeType.Required })],
        IsOnlineMeeting = e.IsOnlineMeeting,
        OnlineMeetingProvider = e.IsOnlineMeeting ? OnlineMeetingProviderType.TeamsForBusiness : null,
        Location = e.Location is null ? null : new Location { DisplayName = e.Location },
        // A deadline is not a meeting: it must not block anyone's diary, ask for a reply or a new time.
        ShowAs = e.IsDeadline ? FreeBusyStatus.Free : null,
        ResponseRequested = e.IsDeadline ? false : null,
        AllowNewTimeProposals = e.IsDeadline ? false : null,
        IsReminderOn = e.IsDeadline ? true : null,
        ReminderMinutesBeforeStart = e.ReminderBeforeStart is { } before ? (int)before.TotalMinutes : null,
    };

    private static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task CallAsync(Func<Task> call) => await CallAsync(async () => { await call(); return true; });

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            throw Classify(e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new DeliveryException(DeliveryFailureKind.Transient, $"Entra ID refused a token: {e.Message}", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryException(DeliveryFailureKind.Transient, $"Graph could not be reached: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new DeliveryException(DeliveryFailureKind.Transient, "Graph did not answer in time.", inner: e);
        }
    }

    private DeliveryException Classify(ApiException e)
    {
        var status = e.ResponseStatusCode;
        var detail = e is Microsoft.Graph.Models.ODataErrors.ODataError { Error.Message: { } m } ? $"Graph answered {status}: {m}" : $"Graph answered {status}.";
        return status switch
        {
            (int)HttpStatusCode.TooManyRequests => new DeliveryException(DeliveryFailureKind.Throttled, detail, RetryAfter(e), e),
            (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.Unauthorized or >= 500 =>
                new DeliveryException(DeliveryFailureKind.Transient, detail, RetryAfter(e), e),
            _ => new DeliveryException(DeliveryFailureKind.Permanent, detail, inner: e),
        };
    }

    private TimeSpan? RetryAfter(ApiException e)
    {
        var value = e.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }
}
