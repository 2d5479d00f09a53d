using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Deliberation;

/// <summary>
/// Who is acting: the signed-in caller, or, when the secretariat acts on someone's behalf, that
/// person. The journal records both (<see cref="Actor"/> and <see cref="OnBehalfOf"/>).
/// </summary>
public sealed record Acting(string Actor, string? OnBehalfOf, Person Person)
{
    /// <summary>The e-mail of the person whose act this is.</summary>
    public string Email => Person.Email;

    public static async Task<Acting> ResolveAsync(ClaimsPrincipal user, string? onBehalfOf, IDirectory directory, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email) ?? throw WorkflowProblem.Forbidden("The caller has no e-mail.");
        if (string.IsNullOrWhiteSpace(onBehalfOf))
        {
            var self = await directory.FindPersonAsync(email, ct) ?? throw WorkflowProblem.Forbidden("You are not in the directory.");
            return new Acting(self.Email, null, self);
        }
        return await OnBehalfAsync(email, user.IsInRole(Roles.Secretariat), onBehalfOf, directory, ct);
    }

    /// <summary>
    /// The person with this e-mail, or whom they act for: their roles as the directory holds them now, whichever
    /// door they came through (a session's claims may be older than a change in the directory).
    /// </summary>
    public static async Task<Acting> ResolveAsync(string email, string? onBehalfOf, IDirectory directory, CancellationToken ct)
    {
        var self = await directory.FindPersonAsync(email, ct) ?? throw WorkflowProblem.Forbidden("You are not in the directory.");
        return string.IsNullOrWhiteSpace(onBehalfOf)
            ? new Acting(self.Email, null, self)
            : await OnBehalfAsync(self.Email, self.HasRole(Roles.Secretariat), onBehalfOf, directory, ct);
    }

    /// <summary>The caller acting for <paramref name="onBehalfOf"/>: only the secretariat may, and only for someone in the directory.</summary>
    public static async Task<Acting> OnBehalfAsync(string callerEmail, bool callerIsSecretariat, string onBehalfOf, IDirectory directory, CancellationToken ct)
    {
        if (!callerIsSecretariat)
            throw WorkflowProblem.Forbidden("Only the secretariat may act on behalf of someone.");
        var principal = await directory.FindPersonAsync(onBehalfOf, ct)
            ?? throw WorkflowProblem.Invalid("Unknown person", new Dictionary<string, string[]> { ["onBehalfOf"] = [$"'{onBehalfOf}' is not in the directory."] });
        return new Acting(callerEmail, principal.Email, principal);
    }
}
