using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

public sealed class GraphOptionsTests
{
    [Fact]
    public void Start_PartialGraphConfiguration_FailsNamingTheMissingKeys()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["Graph:TenantId"] = "t", ["Graph:ClientId"] = "c" });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException ?? throw error;
        Assert.Contains(validation.Failures, f => f.Contains("Graph:ClientSecret or Graph:CertificatePath"));
        Assert.Contains(validation.Failures, f => f.Contains("Graph:SenderMailbox"));
        Assert.DoesNotContain(validation.Failures, f => f.Contains("Graph:TenantId"));
    }
}
