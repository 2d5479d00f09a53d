using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// The embedded default, when Graph is not configured: mail becomes <c>.eml</c> files and calendar
/// changes <c>.ics</c> files in <c>Graph:DropFolder</c>, named by outbox message id so a repeated
/// attempt overwrites rather than doubles. Without a drop folder nothing is delivered and the
/// dispatcher holds the messages in the outbox.
/// </summary>
public sealed class LocalDropGateway(IOptions<GraphOptions> options, IHostEnvironment host, TimeProvider time) : IMailCalendarGateway
{
    private const string DefaultSender = "focworkflows@localhost";

    public bool Delivers => GraphOptions.Has(options.Value.DropFolder);

    private string Folder => Directory.CreateDirectory(Path.GetFullPath(options.Value.DropFolder!, host.ContentRootPath)).FullName;

    public Task SendMailAsync(OutgoingMail mail, DeliveryContext delivery, CancellationToken ct)
    {
        // SmtpClient's pickup directory is .NET's own RFC 5322 writer; it names files by a new GUID,
        // so it writes into a private folder and the file is then moved to its stable name.
        var pickup = Directory.CreateDirectory(Path.Combine(Folder, ".pickup-" + delivery.MessageId)).FullName;
        try
        {
            using var message = new MailMessage(new MailAddress(Sender), new MailAddress(mail.To.Email, mail.To.Name))
            {
                Subject = mail.Subject, Body = mail.HtmlBody, IsBodyHtml = true,
                BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8,
            };
            message.Headers.Add(GraphGateway.OutboxIdHeader, delivery.MessageId);
            using var smtp = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = pickup };
            smtp.Send(message);
            var written = Directory.GetFiles(pickup, "*.eml").Single();
            File.Move(written, Path.Combine(Folder, delivery.MessageId + ".eml"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or SmtpException or UnauthorizedAccessException)
        {
            throw new DeliveryException(DeliveryFailureKind.Transient, $"Could not write the mail file: {e.Message}", inner: e);
        }
        finally
        {
            if (Directory.Exists(pickup)) Directory.Delete(pickup, recursive: true);
        }
        return Task.CompletedTask;
    }

    public async Task<string> CreateEventAsync(CalendarEvent calendarEvent, DeliveryContext delivery, CancellationToken ct)
    {
        await WriteIcsAsync(calendarEvent, IcsWriter.Method.Request, null, delivery, ct);
        return calendarEvent.Key;
    }

    /// <summary>An event of the drop folder is its key; it exists once a file of it was written.</summary>
    public Task<string?> FindEventAsync(string key, DeliveryContext delivery, CancellationToken ct) =>
        Task.FromResult(Directory.GetFiles(Folder, IcsWriter.FilePrefix(key) + "*.ics").Length > 0 ? key : null);

    public Task UpdateEventAsync(string externalId, CalendarEvent calendarEvent, DeliveryContext delivery, CancellationToken ct) =>
        WriteIcsAsync(calendarEvent, IcsWriter.Method.Request, null, delivery, ct);

    public Task CancelEventAsync(string externalId, CalendarEvent calendarEvent, string? comment, DeliveryContext delivery, CancellationToken ct) =>
        WriteIcsAsync(calendarEvent, IcsWriter.Method.Cancel, comment, delivery, ct);

    private string Sender => GraphOptions.Has(options.Value.SenderMailbox) ? options.Value.SenderMailbox! : DefaultSender;

    private async Task WriteIcsAsync(CalendarEvent e, IcsWriter.Method method, string? comment, DeliveryContext delivery, CancellationToken ct)
    {
        var prefix = IcsWriter.FilePrefix(e.Key);
        var path = Path.Combine(Folder, $"{prefix}{delivery.MessageId}.ics");
        // Each later change of the same event carries a higher SEQUENCE, as calendar clients expect.
        var sequence = Directory.GetFiles(Folder, prefix + "*.ics").Count(f => f != path);
        try
        {
            await File.WriteAllTextAsync(path, IcsWriter.Write(e, method, sequence, Sender, comment, time.GetUtcNow()), ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException(DeliveryFailureKind.Transient, $"Could not write the calendar file: {ex.Message}", inner: ex);
        }
    }
}
