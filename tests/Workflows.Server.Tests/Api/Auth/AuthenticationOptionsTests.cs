using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Api.Auth;

/// <summary>Sign-in misconfiguration stops the server at start, naming the key, before anyone tries to sign in.</summary>
public sealed class AuthenticationOptionsTests
{
    private static IReadOnlyList<string> StartFailures(Dictionary<string, string?> settings) =>
        StartupFailure.ValidationFailuresOf(() => new TestApp(settings: settings));

    [Fact]
    public void Start_EntraIdWithoutTenantAndClient_FailsNamingTheMissingKeys()
    {
        var failures = StartFailures(new() { ["Authentication:Mode"] = "EntraId", ["Authentication:EntraId:ClientSecret"] = "s" });

        Assert.Contains(failures, f => f.StartsWith("Authentication:EntraId:TenantId is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Authentication:EntraId:ClientId is required", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("ClientSecret"));
    }

    [Fact]
    public void Start_EntraIdWithAPlainHttpAuthorityElsewhere_FailsNamingTheAuthority()
    {
        var failures = StartFailures(new()
        {
            ["Authentication:Mode"] = "EntraId", ["Authentication:EntraId:TenantId"] = "t", ["Authentication:EntraId:ClientId"] = "c",
            ["Authentication:EntraId:ClientSecret"] = "s", ["Authentication:EntraId:Authority"] = "http://login.example/t/v2.0",
        });

        Assert.Equal("Authentication:EntraId:Authority must be an https URL (was 'http://login.example/t/v2.0').", Assert.Single(failures));
    }

    [Fact]
    public void Start_CookieSecurePolicyNone_FailsNamingTheKey()
    {
        var failures = StartFailures(new() { ["Authentication:CookieSecurePolicy"] = "None" });

        Assert.StartsWith("Authentication:CookieSecurePolicy must be 'Always' or 'SameAsRequest'", Assert.Single(failures));
    }

    [Fact]
    public void Start_UnknownMode_FailsNamingTheKey()
    {
        var failures = StartFailures(new() { ["Authentication:Mode"] = "Entra" });

        Assert.Equal("Authentication:Mode must be 'Development' or 'EntraId'.", Assert.Single(failures));
    }
}
