using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

public sealed class GraphOptionsTests
{
    [Fact]
    public void Start_PartialGraphConfiguration_FailsNamingTheMissingKeys()
    {
        var failures = StartupFailure.ValidationFailuresOf(() => new TestApp(settings: new Dictionary<string, string?> { ["Graph:TenantId"] = "t", ["Graph:ClientId"] = "c" }));

        Assert.Contains(failures, f => f.Contains("Graph:ClientSecret or Graph:CertificatePath"));
        Assert.Contains(failures, f => f.Contains("Graph:SenderMailbox"));
        Assert.DoesNotContain(failures, f => f.Contains("Graph:TenantId"));
    }
}
