using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>Who may do what, by role. Endpoints name a policy; the roles live here only.</summary>
public static class Policies
{
    public const string EditDefinitions = "edit-definitions";
    public const string Launch = "launch";
    public const string Operate = "operate";
    public const string EditDirectory = "edit-directory";
    public const string AuditJournals = "audit-journals";
    public const string ManageAdvisorLinks = "manage-advisor-links";

    /// <summary>Anyone signed in, or an advisor with a link (endpoints then check the link's consultation).</summary>
    public const string AdvisorLinkOrAccount = "advisor-link-or-account";
    public const string LinkOrAccountScheme = "AdvisorLinkOrAccount";

    public static void AddFocPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(EditDefinitions, p => p.RequireRole(Roles.Secretariat))
        .AddPolicy(Launch, p => p.RequireRole(Roles.Operators))
        .AddPolicy(Operate, p => p.RequireRole(Roles.Operators))
        .AddPolicy(EditDirectory, p => p.RequireRole(Roles.Secretariat))
        .AddPolicy(AuditJournals, p => p.RequireRole(Roles.Secretariat))
        .AddPolicy(ManageAdvisorLinks, p => p.RequireRole(Roles.Secretariat))
        .AddPolicy(AdvisorLinkOrAccount, p => p.AddAuthenticationSchemes(LinkOrAccountScheme).RequireAuthenticatedUser());

    /// <summary>The signed-in person as the use cases take them: through the API.</summary>
    public static UseCases.Caller Caller(this ClaimsPrincipal user) => new(user.Email(), UseCases.Door.Api);

    public static string Email(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? throw new InvalidOperationException("An authenticated caller has no e-mail claim.");
}
