using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>Builds the real <see cref="GraphServiceClient"/> from the options (client credentials, base URL and token overrides).</summary>
internal static class GraphClientBuilder
{
    private const string GraphScope = "https://graph.microsoft.com/.default";

    public static GraphServiceClient Create(GraphOptions options, TimeProvider time)
    {
        var baseUrl = options.BaseUrl.TrimEnd('/');
        // The dispatcher owns retries: it honours Retry-After on its own clock, records every attempt
        // and keeps the mailbox's other messages waiting. The SDK's retry handler would sleep inside
        // one attempt and hide the 429 from it.
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        foreach (var retry in handlers.OfType<RetryHandler>().ToList()) handlers.Remove(retry);
        var http = GraphClientFactory.Create(handlers);
        // Tokens go only to the configured Graph host (a fake one included), never elsewhere.
        var auth = new AzureIdentityAuthenticationProvider(CreateCredential(options, time), [new Uri(baseUrl).Host], scopes: [GraphScope]);
        return new GraphServiceClient(http, auth, baseUrl);
    }

    private static TokenCredential CreateCredential(GraphOptions o, TimeProvider time)
    {
        if (GraphOptions.Has(o.TokenEndpoint))
            return new ClientCredentialsTokenCredential(new HttpClient(), new Uri(o.TokenEndpoint!), o.ClientId!, o.ClientSecret!, time);
        var authority = GraphOptions.Has(o.AuthorityHost) ? new Uri(o.AuthorityHost!) : AzureAuthorityHosts.AzurePublicCloud;
        return GraphOptions.Has(o.CertificatePath)
            ? new ClientCertificateCredential(o.TenantId, o.ClientId, o.CertificatePath,
                new ClientCertificateCredentialOptions { AuthorityHost = authority })
            : new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = authority });
    }
}
