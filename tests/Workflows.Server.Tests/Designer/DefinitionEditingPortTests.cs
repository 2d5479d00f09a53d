using System.Net.Http.Json;
using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Designer;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The editor's circuit keeps the roles it opened with; the port asks the directory at each save and publish.</summary>
public sealed class DefinitionEditingPortTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>A circuit signed in as this person, with the roles the directory gave them at sign-in.</summary>
    private sealed class SignedInCircuit(string email) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, Roles.Secretariat)], "test"))));
    }

    private DefinitionEditingPort PortFor(string email) => new(_app.Services.GetRequiredService<DefinitionStore>(), new SignedInCircuit(email),
        _app.Services.GetRequiredService<IDirectory>(), NullLogger<DefinitionEditingPort>.Instance);

    private static readonly FocWorkflows.Definitions.Model.WorkflowDefinition Simple = Define("simple").Start().End().Chain("start", "end").Build();

    [Fact]
    public async Task SaveAndPublish_ByTheSecretariat_StoreTheVersion()
    {
        var port = PortFor(People.Secretariat);

        var saved = await port.SaveDraftAsync(Simple, CancellationToken.None);
        var published = await port.PublishAsync("simple", CancellationToken.None);

        Assert.True(saved.Saved, saved.Problem);
        Assert.Equal(1, published.Version);
    }

    [Fact]
    public async Task Save_AfterTheSecretariatRoleWasTakenAway_IsRefusedAndStoresNothing()
    {
        var port = PortFor(People.Secretariat);
        (await _app.ClientAs(People.Secretariat).PostAsJsonAsync("/api/people",
            new { email = People.Secretariat, name = "Moved on", roles = new[] { "observer" } })).EnsureSuccessStatusCode();

        var saved = await port.SaveDraftAsync(Simple, CancellationToken.None);
        var published = await port.PublishAsync("simple", CancellationToken.None);

        Assert.False(saved.Saved);
        Assert.Equal("Only the secretariat may save or publish workflow definitions.", saved.Problem);
        Assert.Equal(saved.Problem, published.Problem);
        Assert.False(await _app.DefinitionStore.ExistsAsync("simple", CancellationToken.None));
    }
}
