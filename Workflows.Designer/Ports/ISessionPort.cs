namespace FocWorkflows.Designer.Ports;

/// <summary>Someone a developer may sign in as, on the development sign-in page.</summary>
public sealed record SignInCandidate(string Email, string Name, string? Organisation, IReadOnlyList<string> Roles);

/// <summary>The directory as the sign-in page needs it, and how people sign in to this server.</summary>
public interface ISessionPort
{
    /// <summary>Whether the development sign-in (pick a person) is on; production uses Entra ID.</summary>
    bool DevelopmentSignIn { get; }

    /// <summary>
    /// Development sign-in on a server outside the Development environment, allowed on purpose (a demonstration):
    /// anyone can act as anyone there, so every page says so.
    /// </summary>
    bool DevelopmentSignInOutsideDevelopment { get; }

    Task<IReadOnlyList<SignInCandidate>> CandidatesAsync(CancellationToken ct);
}
