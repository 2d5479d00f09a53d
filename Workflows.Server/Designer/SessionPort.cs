using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Designer;

internal sealed class SessionPort(IDirectory directory, IOptions<AuthenticationModeOptions> mode, IHostEnvironment environment) : ISessionPort
{
    public bool DevelopmentSignIn => !mode.Value.IsEntraId;

    public bool DevelopmentSignInOutsideDevelopment => mode.Value.IsDevelopmentSignInOutsideDevelopment(environment);

    public async Task<IReadOnlyList<SignInCandidate>> CandidatesAsync(CancellationToken ct)
    {
        var people = await directory.PeopleAsync(ct);
        return [.. people.Select(p => new SignInCandidate(p.Email, p.Name, p.Organisation, p.Roles))];
    }
}

internal sealed class OutboxPort(OutboxStore store, Integrations.Graph.OutboxComposer composer) : IOutboxPort
{
    public async Task<(IReadOnlyList<OutboxItem> Items, int Total)> ListAsync(string? status, int page, int pageSize, CancellationToken ct)
    {
        var parsed = Enum.TryParse<Engine.State.OutboxStatus>(status, ignoreCase: true, out var s) ? s : (Engine.State.OutboxStatus?)null;
        var (items, total) = await store.ListAsync(parsed, page, pageSize, ct);
        var list = new List<OutboxItem>(items.Count);
        foreach (var m in items)
        {
            var payload = System.Text.Json.Nodes.JsonNode.Parse(m.PayloadJson);
            var to = payload?["to"]?.ToString() ?? (payload?["attendees"] is System.Text.Json.Nodes.JsonArray a ? $"{a.Count} attendee(s)" : null);
            var subject = payload?["subject"]?.ToString() ?? await RenderedSubjectAsync(m, ct) ?? payload?["template"]?.ToString() ?? payload?["eventKey"]?.ToString();
            var note = m.LastError ?? (m.SupersededBy is { } by ? $"not sent: a later change of the same event ({by}) was" : null);
            list.Add(new OutboxItem(m.Id, m.Kind, m.Status.ToString().ToLowerInvariant(), to, subject, m.CreatedAt, m.Attempts, m.NextAttemptAt, note));
        }
        return (list, total);
    }

    /// <summary>
    /// A templated mail's subject as its reader gets it (their language, their time zone), composed as delivery composes it;
    /// null when it cannot be, and the page falls back to the template's name.
    /// </summary>
    private async Task<string?> RenderedSubjectAsync(Engine.State.OutboxMessage message, CancellationToken ct)
    {
        if (message.Kind != Integrations.Graph.OutboxComposer.MailKind) return null;
        try
        {
            return await composer.ComposeAsync(message, ct) is Integrations.Graph.MailDelivery mail ? mail.Mail.Subject : null;
        }
        catch (Integrations.Graph.DeliveryException)
        {
            return null;
        }
    }
}
