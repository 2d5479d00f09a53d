using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Components.Authorization;

namespace FocWorkflows.Server.Designer;

/// <summary>
/// The editor's port over the definition store; scoped, so it saves as whoever is signed in to the
/// circuit. A circuit keeps the roles it opened with, so each save and publish asks the directory
/// again; and a refusal or a failed write is an answer, never an exception that would end the
/// circuit and lose the work on the canvas.
/// </summary>
internal sealed class DefinitionEditingPort(DefinitionStore store, AuthenticationStateProvider authentication, IDirectory directory,
    ILogger<DefinitionEditingPort> logger) : IDefinitionEditingPort
{
    private const string NotSecretariat = "Only the secretariat may save or publish workflow definitions.";

    public Task<WorkflowDefinition?> LoadAsync(string id, CancellationToken ct) => store.GetLatestAsync(id, ct);

    public async Task<SaveOutcome> SaveDraftAsync(WorkflowDefinition definition, CancellationToken ct)
    {
        if (await SecretariatAsync(ct) is not { } actor) return SaveOutcome.Refused(NotSecretariat);
        try
        {
            return new SaveOutcome(true, await store.SaveDraftAsync(definition, actor, ct));
        }
        catch (WorkflowProblem e)
        {
            return SaveOutcome.Refused(e.Message);
        }
        catch (StoreWriteFailedException e)
        {
            logger.LogError(e, "Saving the draft of {Definition} failed", definition.Id);
            return SaveOutcome.Refused("The draft could not be stored just now. Your changes are still here: try saving again.");
        }
    }

    public async Task<PublishOutcome> PublishAsync(string id, CancellationToken ct)
    {
        if (await SecretariatAsync(ct) is not { } actor) return new PublishOutcome(null, [], NotSecretariat);
        try
        {
            var published = await store.PublishAsync(id, actor, ct);
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

    /// <summary>The signed-in person's e-mail when the directory says they are of the secretariat now.</summary>
    private async Task<string?> SecretariatAsync(CancellationToken ct)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true) return null;
        var person = await directory.FindPersonAsync(user.Email(), ct);
        return person?.HasRole(Roles.Secretariat) == true ? person.Email : null;
    }
}
