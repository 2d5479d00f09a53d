using System.Security.Claims;
using FocWorkflows.Designer.Ports;
using Microsoft.AspNetCore.Components.Authorization;

namespace FocWorkflows.Designer.Viewing;

/// <summary>The signed-in person as the pages need them: e-mail, roles and time zone.</summary>
public static class SignedIn
{
    public static readonly string[] Operators = ["chair", "co-chair", "secretariat"];

    public static async Task<Viewer?> ViewerAsync(Task<AuthenticationState>? authentication, IInstancesPort port, CancellationToken ct)
    {
        if (authentication is null) return null;
        var user = (await authentication).User;
        if (user.FindFirst(ClaimTypes.Email)?.Value is not { } email) return null;
        return await port.ViewerAsync(email, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)], ct);
    }

    public static bool MayOperate(this Viewer viewer) => viewer.Roles.Any(r => Operators.Contains(r, StringComparer.OrdinalIgnoreCase));
}
