using FocWorkflows.Server.Deliberation.Directory;

namespace FocWorkflows.Server.Deliberation.Drafts;

/// <summary>Who holds the pen on an instance's text: its task force's pen-holders, else the secretariat and the chair.</summary>
public static class PenHolders
{
    public static readonly IReadOnlyList<string> Fallback = [$"role:{Roles.Secretariat}", $"role:{Roles.Chair}"];

    public static async Task<IReadOnlyList<Person>> ResolveAsync(IDirectory directory, string? taskForceId, CancellationToken ct)
    {
        var people = taskForceId is null ? [] : await directory.ResolveAsync(AudienceKind.PenHolders, taskForceId, null, ct);
        return people.Count > 0 ? people : await directory.ResolveAsync(AudienceKind.List, null, Fallback, ct);
    }

    public static bool Includes(IReadOnlyList<Person> penHolders, string? email) =>
        email is not null && penHolders.Any(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
}
