using FocWorkflows.Server.Deliberation.Directory;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>
/// Who holds the pen and who may steer a consultation. Without a task force the secretariat and
/// the chair hold the pen.
/// </summary>
public sealed class ConsultationAccess(IDirectory directory)
{
    private static readonly IReadOnlyList<string> PenHolderRoles = [$"role:{Roles.Secretariat}", $"role:{Roles.Chair}"];

    /// <summary>Inbox assignees for the pen-holders' work: e-mails, or roles when there is no task force.</summary>
    public async Task<IReadOnlyList<string>> PenHolderAssigneesAsync(string? taskForceId, CancellationToken ct) =>
        taskForceId is null ? PenHolderRoles : [.. (await PenHoldersAsync(taskForceId, ct)).Select(p => p.Email)];

    public async Task<bool> IsPenHolderAsync(Person person, string? taskForceId, CancellationToken ct) =>
        (await PenHoldersAsync(taskForceId, ct)).Any(p => string.Equals(p.Email, person.Email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Chairs, co-chairs and the secretariat steer every window; pen-holders steer their task force's.</summary>
    public async Task<bool> MaySteerAsync(Person person, string? taskForceId, CancellationToken ct) =>
        IsOperator(person) || await IsPenHolderAsync(person, taskForceId, ct);

    /// <summary>The pen-holders answer comments; so may the secretariat, in its own name or for one of them.</summary>
    public async Task<bool> MayDisposeAsync(Person person, string? taskForceId, CancellationToken ct) =>
        person.HasRole(Roles.Secretariat) || await IsPenHolderAsync(person, taskForceId, ct);

    public static bool IsOperator(Person person) =>
        person.HasRole(Roles.Chair) || person.HasRole(Roles.CoChair) || person.HasRole(Roles.Secretariat);

    /// <summary>Whoever holds the pen: the task force's pen-holders, or the secretariat and the chair without one.</summary>
    public Task<IReadOnlyList<Person>> PenHoldersAsync(string? taskForceId, CancellationToken ct) =>
        taskForceId is null
            ? directory.ResolveAsync(AudienceKind.List, null, PenHolderRoles, ct)
            : directory.ResolveAsync(AudienceKind.PenHolders, taskForceId, null, ct);
}
