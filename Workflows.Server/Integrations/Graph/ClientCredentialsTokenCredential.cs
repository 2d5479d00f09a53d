using System.Text.Json.Serialization;
using Azure.Core;

namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// OAuth 2.0 client credentials against an explicit token URL (<c>Graph:TokenEndpoint</c>), for a local
/// fake of Entra ID: Azure.Identity accepts only https authorities with Entra ID's discovery.
/// </summary>
internal sealed class ClientCredentialsTokenCredential(HttpClient http, Uri endpoint, string clientId, string clientSecret, TimeProvider time)
    : TokenCredential, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;

    public void Dispose() => _gate.Dispose();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && cached.ExpiresOn > time.GetUtcNow().AddMinutes(5)) return cached;
            using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
                ["scope"] = string.Join(' ', requestContext.Scopes),
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new DeliveryException(DeliveryFailureKind.Transient, $"The token endpoint answered {(int)response.StatusCode}.");
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new DeliveryException(DeliveryFailureKind.Transient, "The token endpoint answered no token.");
            _cached = new AccessToken(token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn));
            return _cached.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
