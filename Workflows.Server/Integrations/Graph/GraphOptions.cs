using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>Mail and calendar delivery (section <c>Graph</c>). Without tenant, client, credential and sender, the local outbox is used.</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>A PFX (or PEM) file with the app's certificate, instead of a secret.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>The secretariat mailbox mail is sent from.</summary>
    public string? SenderMailbox { get; set; }

    /// <summary>The mailbox whose calendar organises events; the sender mailbox when empty.</summary>
    public string? CalendarMailbox { get; set; }

    /// <summary>Outlook's limit is about 30 a minute per mailbox; above it messages wait in the queue.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Graph's base URL, overridden to run against a local fake.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Entra ID's host for another cloud (Azure.Identity; https only).</summary>
    public string? AuthorityHost { get; set; }

    /// <summary>A full OAuth 2.0 token URL taking a client-credentials POST (a local fake); replaces Entra ID.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Failed attempts before a message becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed message is reserved for its attempt; after a crash it is tried again then.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether this process delivers the outbox (tests dispatch by hand).</summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>Embedded default only: a folder to write <c>.eml</c> and <c>.ics</c> files to; without it messages are held.</summary>
    public string? DropFolder { get; set; }

    /// <summary>The public address of the server, for links in mail.</summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How long after a consultation closes an advisor's link still opens it (to read, not to comment).</summary>
    public TimeSpan AdvisorLinkGrace { get; set; } = TimeSpan.FromDays(7);

    public bool IsConfigured => Has(TenantId) && Has(ClientId) && (Has(ClientSecret) || Has(CertificatePath)) && Has(SenderMailbox);

    public string Calendar => Has(CalendarMailbox) ? CalendarMailbox! : SenderMailbox ?? "";

    internal static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}

/// <summary>Partial Graph settings are a mistake, not a choice for the local outbox: fail at start naming what is missing.</summary>
internal sealed class GraphOptionsValidation : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions o)
    {
        var errors = new List<string>();
        var any = GraphOptions.Has(o.TenantId) || GraphOptions.Has(o.ClientId) || GraphOptions.Has(o.ClientSecret)
            || GraphOptions.Has(o.CertificatePath) || GraphOptions.Has(o.SenderMailbox);
        if (any && !o.IsConfigured)
        {
            if (!GraphOptions.Has(o.TenantId)) errors.Add("Graph:TenantId is required when Graph is configured.");
            if (!GraphOptions.Has(o.ClientId)) errors.Add("Graph:ClientId is required when Graph is configured.");
            if (!GraphOptions.Has(o.ClientSecret) && !GraphOptions.Has(o.CertificatePath))
                errors.Add("Graph:ClientSecret or Graph:CertificatePath is required when Graph is configured.");
            if (!GraphOptions.Has(o.SenderMailbox)) errors.Add("Graph:SenderMailbox is required when Graph is configured.");
        }
        if (GraphOptions.Has(o.ClientSecret) && GraphOptions.Has(o.CertificatePath))
            errors.Add("Graph:ClientSecret and Graph:CertificatePath are exclusive; set one.");
        if (o.MessagesPerMinute <= 0) errors.Add("Graph:MessagesPerMinute must be above zero.");
        if (o.MaxAttempts <= 0) errors.Add("Graph:MaxAttempts must be above zero.");
        if (o.RetryBaseDelay <= TimeSpan.Zero || o.RetryMaxDelay < o.RetryBaseDelay)
            errors.Add("Graph:RetryBaseDelay must be above zero and Graph:RetryMaxDelay at least as long.");
        if (o.ClaimTimeout <= TimeSpan.Zero) errors.Add("Graph:ClaimTimeout must be above zero.");
        if (o.DispatchInterval <= TimeSpan.Zero) errors.Add("Graph:DispatchInterval must be above zero.");
        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _)) errors.Add("Graph:BaseUrl must be an absolute URL.");
        if (GraphOptions.Has(o.TokenEndpoint) && !Uri.TryCreate(o.TokenEndpoint, UriKind.Absolute, out _))
            errors.Add("Graph:TokenEndpoint must be an absolute URL.");
        if (GraphOptions.Has(o.AuthorityHost) && !(Uri.TryCreate(o.AuthorityHost, UriKind.Absolute, out var authority) && authority.Scheme == "https"))
            errors.Add("Graph:AuthorityHost must be an absolute https URL.");
        if (!Uri.TryCreate(o.LinkBaseUrl, UriKind.Absolute, out _)) errors.Add("Graph:LinkBaseUrl must be an absolute URL.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
