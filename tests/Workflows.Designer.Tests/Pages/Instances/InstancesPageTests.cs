using Bunit;
using FocWorkflows.Designer.Pages.Instances;
using FocWorkflows.Designer.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Instances;

public sealed class InstancesPageTests : BunitContext
{
    [Fact]
    public void Instances_ShowEachWorkflowWithItsVersionNumber()
    {
        var port = this.UseInstances("chair");
        Services.AddSingleton<IDesignerBackend>(new NoDefinitions());
        port.Listed = [new InstanceListItem("i-1", "joint-statement", 3, "waiting", "ai-and-human-rights", "chair@foc.example", StoppedClock.Epoch, null)];

        var page = Render<InstancesPage>();

        var cell = page.Find("a[href='/instances/i-1']").ParentElement!;
        Assert.Equal("joint-statement version 3", System.Text.RegularExpressions.Regex.Replace(cell.TextContent, @"\s+", " ").Trim());
    }

    private sealed class NoDefinitions : IDesignerBackend
    {
        public FocWorkflows.Definitions.Catalog.IActivityCatalog Catalog { get; } = new FocWorkflows.Definitions.Catalog.ActivityCatalog([]);

        public Task<IReadOnlyList<DefinitionListItem>> ListDefinitionsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<DefinitionListItem>>([]);
    }
}
