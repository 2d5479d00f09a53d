using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Globalization;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine.Expressions;
using FocWorkflows.Server.Engine.State;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

public abstract record Delivery(string Mailbox);

public sealed record MailDelivery(string Mailbox, OutgoingMail Mail) : Delivery(Mailbox);

public enum EventAction { Create, Update, Cancel }

public sealed record EventDelivery(string Mailbox, EventAction Action, CalendarEvent Event, string? Comment) : Delivery(Mailbox);

/// <summary>
/// Turns an outbox row into what the gateway sends. Mail comes pre-rendered (<c>subject</c>, <c>body</c>)
/// or names a template rendered now in the reader's language and time zone. A payload that cannot be
/// read is a permanent failure: trying again would not change it.
/// </summary>
public sealed class OutboxComposer(TemplateRenderer templates, IDirectory directory, AdvisorLinks links, TimeProvider time, IOptions<GraphOptions> options)
{
    public const string MailKind = "mail";
    public const string CalendarKind = "calendar-event";

    public string MailboxFor(string kind) => kind == CalendarKind ? Sender(options.Value.Calendar) : Sender(options.Value.SenderMailbox);

    public async Task<Delivery> ComposeAsync(OutboxMessage message, CancellationToken ct)
    {
        var payload = JsonNode.Parse(message.PayloadJson) as JsonObject ?? throw Unreadable("the payload is not a JSON object");
        return message.Kind switch
        {
            MailKind => new MailDelivery(MailboxFor(MailKind), await ComposeMailAsync(payload, ct)),
            CalendarKind => await ComposeEventAsync(payload, ct),
            _ => throw Unreadable($"no gateway delivers messages of kind '{message.Kind}'"),
        };
    }

    private async Task<OutgoingMail> ComposeMailAsync(JsonObject p, CancellationToken ct)
    {
        var to = Text(p, "to") ?? throw Unreadable("'to' is missing");
        if (Text(p, "template") is not { } name)
        {
            var subject = Text(p, "subject") ?? throw Unreadable("'subject' is missing");
            var body = Text(p, "body") ?? "";
            // Activities render bodies as text; only a payload that says so is trusted as HTML.
            var html = Text(p, "bodyFormat") == "html" ? body : WebUtility.HtmlEncode(body).Replace("\r\n", "\n").Replace("\n", "<br>\n");
            return new OutgoingMail(new Recipient(to, Text(p, "name")), subject, html);
        }

        if (!MailTemplates.Exists(name)) throw Unreadable($"there is no mail template '{name}'");
        var person = Text(p, "language") is null || Text(p, "timeZone") is null ? await directory.FindPersonAsync(to, ct) : null;
        var language = Text(p, "language") ?? person?.Language ?? "en";
        var template = MailTemplates.Find(name, language)!;
        var zone = TimeZones.Find(Text(p, "timeZone") ?? person?.TimeZone);
        var culture = ReaderCulture.For(language);
        var deadline = Moment(p, template.DeadlineField);
        var vars = new JsonObject
        {
            ["name"] = Text(p, "name") ?? person?.Name ?? to,
            ["deadlineAt"] = deadline?.ToString("o", CultureInfo.InvariantCulture),
            ["deadline"] = deadline is { } d
                ? $"{TimeZoneInfo.ConvertTime(d, zone).ToString("f", culture)} ({zone.Id})"
                : null,
            ["link"] = Link(template, p, to, deadline),
        };
        var scope = new ExpressionScope { Input = p, Variables = vars, Now = time.GetUtcNow(), Culture = culture.Name, TimeZone = zone };
        try
        {
            return new OutgoingMail(new Recipient(to, vars["name"]!.GetValue<string>()),
                templates.Render(template.Subject, scope), templates.Render(template.Body, scope, TemplateEncoding.Html));
        }
        catch (ExpressionException e)
        {
            throw Unreadable($"template '{name}' failed: {e.Message}");
        }
    }

    private string? Link(MailTemplates.Template template, JsonObject p, string to, DateTimeOffset? deadline)
    {
        var baseUrl = options.Value.LinkBaseUrl.TrimEnd('/');
        if (template.LinkPath == "consultations" && Text(p, "consultationId") is { } consultation)
            return deadline is { } closes ? links.CreateLink(to, consultation, closes) : $"{baseUrl}/consultations/{Uri.EscapeDataString(consultation)}";
        return Text(p, "roundId") is { } round ? $"{baseUrl}/approvals/{Uri.EscapeDataString(round)}" : Text(p, "link");
    }

    private async Task<EventDelivery> ComposeEventAsync(JsonObject p, CancellationToken ct)
    {
        var action = Text(p, "action") switch
        {
            null or "create" => EventAction.Create,
            "update" => EventAction.Update,
            "cancel" => EventAction.Cancel,
            var other => throw Unreadable($"unknown calendar action '{other}'"),
        };
        var start = Moment(p, "start") ?? throw Unreadable("'start' is missing");
        var attendees = new List<Recipient>();
        foreach (var a in p["attendees"] as JsonArray ?? [])
        {
            var (email, name) = a switch
            {
                JsonObject o => (Text(o, "email") ?? throw Unreadable("an attendee has no 'email'"), Text(o, "name")),
                JsonValue v when v.TryGetValue<string>(out var address) => (address, null),
                _ => throw Unreadable("an attendee is neither an e-mail nor {email, name}"),
            };
            // Outlook shows an attendee without a name as a bare address: the directory knows the name.
            if (string.IsNullOrWhiteSpace(name)) name = (await directory.FindPersonAsync(email, ct))?.Name;
            attendees.Add(new Recipient(email, string.IsNullOrWhiteSpace(name) ? null : name));
        }
        var e = new CalendarEvent(
            Text(p, "eventKey") ?? throw Unreadable("'eventKey' is missing"),
            Text(p, "subject") ?? "",
            (Text(p, "body") ?? "") + ActLink(Text(p, "link")),
            start,
            Moment(p, "end") ?? start.AddMinutes(30),
            Text(p, "timeZone") ?? "UTC",
            attendees,
            p["isOnlineMeeting"]?.GetValueKind() == JsonValueKind.True,
            Text(p, "location"),
            p["isAllDay"]?.GetValueKind() == JsonValueKind.True,
            IsDeadline: Text(p, "purpose") == "deadline");
        return new EventDelivery(Text(p, "mailbox") ?? MailboxFor(CalendarKind), action, e, Text(p, "comment"));
    }

    /// <summary>A calendar entry is read far from the mail that announced it: it carries its own absolute link to act.</summary>
    private string ActLink(string? path)
    {
        if (path is null) return "";
        var url = WebUtility.HtmlEncode(options.Value.LinkBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/'));
        return $"<p><a href=\"{url}\">{url}</a></p>";
    }

    private static string Sender(string? mailbox) => GraphOptions.Has(mailbox) ? mailbox! : "local";

    private static string? Text(JsonObject p, string name) =>
        p[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static DateTimeOffset? Moment(JsonObject p, string name) =>
        Text(p, name) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : throw Unreadable($"'{name}' is not a date")
            : null;

    private static DeliveryException Unreadable(string why) => new(DeliveryFailureKind.Permanent, $"The message cannot be delivered: {why}.");
}
