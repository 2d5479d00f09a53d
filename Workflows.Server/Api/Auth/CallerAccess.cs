using System.Security.Claims;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>The API's side of <see cref="InstanceAccess"/>: the caller as a person of the directory, and a refusal as 403.</summary>
internal static class CallerAccess
{
    /// <summary>The caller's person; null when the directory does not know them, and then they see nothing.</summary>
    public static Task<Person?> CallerAsync(this InstanceAccess access, ClaimsPrincipal user, CancellationToken ct) =>
        access.ViewerAsync(user.FindFirstValue(ClaimTypes.Email), ct);

    public static void Require(bool allowed, string refusal)
    {
        if (!allowed) throw WorkflowProblem.Forbidden(refusal);
    }
}
