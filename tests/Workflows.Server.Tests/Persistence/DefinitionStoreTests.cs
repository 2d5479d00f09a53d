using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Persistence;

public sealed class DefinitionStoreTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Latest_IsReadOnce_AndServedFromTheCacheUntilANewVersionIsPublished()
    {
        await _app.PublishAsync(Define("cached").Start().End().Chain("start", "end").Build());

        var first = await _app.DefinitionStore.GetAsync("cached", version: null, CancellationToken.None);
        var again = await _app.DefinitionStore.GetAsync("cached", version: null, CancellationToken.None);

        Assert.Same(first, again);
        Assert.Equal(1, first!.Version);

        await _app.PublishAsync(Define("cached").Start().End().Chain("start", "end").Build() with { Name = "Cached, second" });
        var latest = await _app.DefinitionStore.GetAsync("cached", version: null, CancellationToken.None);

        Assert.Equal(2, latest!.Version);
        Assert.Equal("Cached, second", latest.Name);
        Assert.Same(first, await _app.DefinitionStore.GetAsync("cached", version: 1, CancellationToken.None));
    }

    [Fact]
    public async Task Latest_OfAnUnknownDefinition_IsNull()
    {
        Assert.Null(await _app.DefinitionStore.GetAsync("nobody-wrote-this", version: null, CancellationToken.None));
    }
}
