using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Definitions.Workflows;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Deliberation.Workflows;

public sealed class StandardWorkflowsTests
{
    public static TheoryData<string> Ids => [.. StandardWorkflows.All.Select(w => w.Id)];

    [Fact]
    public void StandardWorkflows_AreTheSixTheCoalitionUses()
    {
        Assert.Equal(
            ["advisory-network-consultation", "freedom-online-conference", "joint-statement", "rapid-response-statement", "task-force-charter", "task-force-renewal"],
            StandardWorkflows.All.Select(w => w.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void StandardWorkflow_ValidatesAgainstTheServersCatalog(string id)
    {
        using var app = new TestApp();
        var catalog = app.Services.GetRequiredService<IActivityCatalog>();

        var findings = new DefinitionValidator(catalog).Validate(StandardWorkflows.All.Single(w => w.Id == id));

        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.Path}: {f.Message}")));
    }

    [Fact]
    public async Task FirstStart_PublishesEveryStandardWorkflowAsVersionOne()
    {
        using var app = new TestApp(standardWorkflows: true);

        var published = await app.QueryAsync(db => db.Definitions.AsNoTracking().Where(d => d.Version > 0).Select(d => new { d.DefinitionId, d.Version }).ToListAsync());

        Assert.Equal(StandardWorkflows.All.Select(w => w.Id).Order(), published.Select(p => p.DefinitionId).Order());
        Assert.All(published, p => Assert.Equal(1, p.Version));
    }
}
