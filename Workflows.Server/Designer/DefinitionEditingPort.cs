using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Components.Authorization;

namespace FocWorkflows.Server.Designer;

/// <summary>The editor's port over the definition store; scoped, so it saves as whoever is signed in to the circuit.</summary>
internal sealed class DefinitionEditingPort(DefinitionStore store, AuthenticationStateProvider authentication) : IDefinitionEditingPort
{
    public Task<WorkflowDefinition?> LoadAsync(string id, CancellationToken ct) => store.GetLatestAsync(id, ct);

    public async Task<IReadOnlyList<ValidationFinding>> SaveDraftAsync(WorkflowDefinition definition, CancellationToken ct) =>
        await store.SaveDraftAsync(definition, await ActorAsync(), ct);

    public async Task<PublishOutcome> PublishAsync(string id, CancellationToken ct)
    {
        try
        {
            var published = await store.PublishAsync(id, await ActorAsync(), ct);
            return new PublishOutcome(published.Version, []);
        }
        catch (InvalidDefinitionException e)
        {
            return new PublishOutcome(null, e.Findings);
        }
        catch (WorkflowProblem e)
        {
            return new PublishOutcome(null, [], e.Message);
        }
    }

    private async Task<string?> ActorAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return user.Identity?.IsAuthenticated == true ? user.Email() : null;
    }
}
