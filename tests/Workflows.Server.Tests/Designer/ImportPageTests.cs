using System.Net;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The secretariat imports an Elsa sample through the import page: over HTTP with a cookie session.</summary>
public sealed class ImportPageTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Import_ElsaSample_SavesADraftWithEveryNodePlaced()
    {
        var browser = await _app.SignedInAsync(People.Secretariat);
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Elsa", "Samples", "fork.json"));

        var response = await SubmitAsync(browser, "/definitions/import", "import", new() { ["Json"] = json });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("from Elsa 3 JSON", page);
        var summary = Assert.Single(await _app.DefinitionStore.ListAsync(CancellationToken.None));
        Assert.True(summary.HasDraft);
        Assert.Contains($"href=\"/definitions/{summary.Id}\"", page);
        var draft = await _app.DefinitionStore.GetLatestAsync(summary.Id, CancellationToken.None);
        Assert.NotEmpty(draft!.Activities);
        Assert.All(draft.Activities, a => Assert.NotNull(a.Position));
    }
}
