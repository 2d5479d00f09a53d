namespace FocWorkflows.Designer.Ports;

/// <summary>Someone a developer may sign in as, on the development sign-in page.</summary>
public sealed record SignInCandidate(string Email, string Name, string? Organisation, IReadOnlyList<string> Roles);

/// <summary>The directory as the sign-in page needs it.</summary>
public interface ISessionPort
{
    /// <summary>Whether the development sign-in (pick a person) is on; production uses Entra ID.</summary>
    bool DevelopmentSignIn { get; }

    Task<IReadOnlyList<SignInCandidate>> CandidatesAsync(CancellationToken ct);
}
