using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// Who a caller is to FocWorkflows: a person of the directory, with the directory's roles. Every way of
/// signing in (development picker or header, Entra ID page or token) ends in this same principal, so
/// policies and <see cref="Policies.Email"/> never depend on how someone signed in.
/// </summary>
public static class DirectoryPrincipal
{
    /// <summary>Token claims that may carry an Entra ID account's e-mail, in the order they are trusted.</summary>
    private static readonly string[] EmailClaims = ["email", "preferred_username", "upn", ClaimTypes.Email, ClaimTypes.Upn];

    public static ClaimsPrincipal For(Person person, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id),
            new(ClaimTypes.Name, person.Name),
            new(ClaimTypes.Email, person.Email),
        };
        claims.AddRange(person.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The e-mail an external identity (an Entra ID token) names, or null when it names none.</summary>
    public static string? EmailOf(ClaimsPrincipal external) =>
        EmailClaims.Select(external.FindFirstValue).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v) && v.Contains('@'))?.Trim();

    /// <summary>
    /// The directory's principal for an external identity, matched by e-mail (case-insensitive). Roles come
    /// from the directory, never from the token: the secretariat keeps them in one place.
    /// </summary>
    public static async Task<ClaimsPrincipal> FromExternalAsync(ClaimsPrincipal external, string authenticationType, IDirectory directory, CancellationToken ct)
    {
        var email = EmailOf(external) ?? throw new NotInDirectoryException(null);
        var person = await directory.FindPersonAsync(email, ct) ?? throw new NotInDirectoryException(email);
        return For(person, authenticationType);
    }
}

/// <summary>Entra ID knows the account but the coalition's directory does not: a refusal, not an error.</summary>
public sealed class NotInDirectoryException(string? email) : Exception(email is null
    ? "Your account has no e-mail address FocWorkflows can match to the coalition's directory; ask the secretariat."
    : $"Your account {email} is not in the coalition's directory; ask the secretariat.")
{
    public string? Email { get; } = email;
}
