using System.Net.Http.Headers;
using System.Security.Cryptography;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FocWorkflows.Server.Tests.Api.Auth;

/// <summary>
/// A local Entra ID (WireMock over real HTTP): discovery document, signing keys from an RSA key made
/// here, authorize and token endpoints; and a TestApp in Entra ID mode trusting it. Tokens are signed
/// with that key, so the server's real OpenID Connect and JWT bearer handlers validate them.
/// </summary>
public sealed class EntraIdFake : IDisposable
{
    public const string TenantId = "tenant-1";
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string KeyId = "fake-key-1";

    private readonly RSA _rsa = RSA.Create(2048);

    public EntraIdFake()
    {
        Server = WireMockServer.Start();
        Authority = $"http://localhost:{Server.Port}/{TenantId}/v2.0";
        var endpoints = $"http://localhost:{Server.Port}/{TenantId}/oauth2/v2.0";
        Server.Given(Request.Create().WithPath($"/{TenantId}/v2.0/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                issuer = Authority,
                authorization_endpoint = $"{endpoints}/authorize",
                token_endpoint = $"{endpoints}/token",
                end_session_endpoint = $"{endpoints}/logout",
                jwks_uri = $"http://localhost:{Server.Port}/{TenantId}/discovery/v2.0/keys",
                response_modes_supported = new[] { "query", "fragment", "form_post" },
                response_types_supported = new[] { "code", "id_token", "code id_token" },
                subject_types_supported = new[] { "pairwise" },
                id_token_signing_alg_values_supported = new[] { "RS256" },
                scopes_supported = new[] { "openid", "profile", "email", "offline_access" },
            }));
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        Server.Given(Request.Create().WithPath($"/{TenantId}/discovery/v2.0/keys").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } },
            }));
        App = new TestApp(settings: new Dictionary<string, string?>
        {
            ["Authentication:Mode"] = "EntraId",
            ["Authentication:EntraId:TenantId"] = TenantId,
            ["Authentication:EntraId:ClientId"] = ClientId,
            ["Authentication:EntraId:ClientSecret"] = "fake-secret",
            ["Authentication:EntraId:Authority"] = Authority,
        });
    }

    public WireMockServer Server { get; }
    public TestApp App { get; }

    /// <summary>The fake's issuer, as in its discovery document.</summary>
    public string Authority { get; }

    public string AuthorizeEndpoint => $"http://localhost:{Server.Port}/{TenantId}/oauth2/v2.0/authorize";

    /// <summary>
    /// A token as Entra ID issues them (v2.0), for the account's e-mail in <paramref name="emailClaim"/>, with the
    /// delegated <paramref name="scope"/> a client of the API requested (Microsoft.Identity.Web refuses access tokens
    /// granting no scope or role). Times are real: IdentityModel checks lifetimes against the machine's clock, not the app's fake one.
    /// </summary>
    public string Token(string email, string? audience = null, string? issuer = null, TimeSpan? expiresIn = null,
        string? nonce = null, RSA? signedWith = null, string emailClaim = "preferred_username", IEnumerable<string>? roles = null,
        string? scope = "access_as_user")
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "sub-" + email, ["oid"] = Guid.NewGuid().ToString(), ["tid"] = TenantId, ["name"] = "Token Name of " + email, [emailClaim] = email,
        };
        if (nonce is not null) claims["nonce"] = nonce;
        if (roles is not null) claims["roles"] = roles.ToArray();
        if (scope is not null) claims["scp"] = scope;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience ?? ClientId,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signedWith ?? _rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The token endpoint redeems any code for this id token (the code flow's second leg).</summary>
    public void RedeemCodesFor(string idToken) =>
        Server.Given(Request.Create().WithPath($"/{TenantId}/oauth2/v2.0/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new
            {
                token_type = "Bearer", expires_in = 3600, access_token = "fake-access-token", id_token = idToken,
            }));

    /// <summary>An API client with the token in <c>Authorization: Bearer</c>.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose()
    {
        App.Dispose();
        Server.Stop();
        Server.Dispose();
        _rsa.Dispose();
    }
}
