using FocWorkflows.Definitions.Json;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Components.Authorization;

namespace FocWorkflows.Server.Designer;

/// <summary>Version history and import over the definition store; scoped, so an import is saved as whoever is signed in.</summary>
internal sealed class DefinitionVersionsPort(DefinitionStore store, AuthenticationStateProvider authentication) : IDefinitionVersionsPort
{
    public async Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string id, CancellationToken ct) =>
        [.. (await store.ListVersionsAsync(id, ct)).Select(v => new DefinitionVersion(v.Version, v.Name, v.SavedAt, v.SavedBy))];

    public Task<WorkflowDefinition?> GetVersionAsync(string id, int version, CancellationToken ct) => store.GetAsync(id, version, ct);

    public async Task<ImportOutcome> ImportAsync(string json, CancellationToken ct)
    {
        var imported = DefinitionImport.Read(json);
        if (imported.Definition is not { } definition) return new ImportOutcome(null, imported.Format, false, imported.Findings);
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var findings = await store.SaveDraftAsync(definition, user.Identity?.IsAuthenticated == true ? user.Email() : null, ct);
        return new ImportOutcome(definition.Id, imported.Format, imported.LaidOut, [.. imported.Findings, .. findings]);
    }
}
