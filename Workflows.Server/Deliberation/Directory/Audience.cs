namespace FocWorkflows.Server.Deliberation.Directory;

/// <summary>Who a consultation, an approval round or a message is for.</summary>
public enum AudienceKind
{
    /// <summary>Diplomats of the task force's member governments.</summary>
    TaskForceMembers,

    /// <summary>The task force's advisors (every advisor when there is no task force).</summary>
    AdvisoryNetwork,

    /// <summary>Diplomats of every member government.</summary>
    AllMembers,

    /// <summary>The task force's pen-holders: diplomats of the lead governments and the Advisory Network co-leads.</summary>
    PenHolders,

    /// <summary>An explicit list of e-mails and <c>role:NAME</c> entries.</summary>
    List,
}

/// <summary>
/// Resolves audiences against the directory. Read-only; activities use it to know whom to ask,
/// the API to check who may answer.
/// </summary>
public interface IDirectory
{
    Task<Person?> FindPersonAsync(string email, CancellationToken ct);

    Task<TaskForce?> FindTaskForceAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<TaskForce>> TaskForcesAsync(CancellationToken ct);

    /// <summary>Everyone in the directory, by name.</summary>
    Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct);

    /// <summary>The ISO 3166 codes of the member governments.</summary>
    Task<IReadOnlySet<string>> GovernmentCodesAsync(CancellationToken ct);

    Task<IReadOnlyList<Person>> ResolveAsync(AudienceKind kind, string? taskForceId, IReadOnlyList<string>? list, CancellationToken ct);
}
