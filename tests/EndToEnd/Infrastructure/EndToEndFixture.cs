using Microsoft.Playwright;

namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>One server and one browser for all scenarios; each test gets its own browser context (cookies).</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public DesignerServer Server { get; } = new();

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    /// <summary>A fresh, signed-out browser session on the server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = Server.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        CspViolations.Watch(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        Server.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "End to end";
}
