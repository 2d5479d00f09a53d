namespace FocWorkflows.Server.Deliberation.Directory;

/// <summary>Roles people hold in the coalition; a person may hold several.</summary>
public static class Roles
{
    public const string Secretariat = "secretariat";
    public const string Chair = "chair";
    public const string CoChair = "co-chair";
    public const string SteeringCommittee = "steering-committee";
    public const string Member = "member";
    public const string Advisor = "advisor";
    public const string Observer = "observer";

    public static readonly IReadOnlyList<string> All = [Secretariat, Chair, CoChair, SteeringCommittee, Member, Advisor, Observer];

    /// <summary>Who may launch, cancel and retry workflows.</summary>
    public static readonly IReadOnlyList<string> Operators = [Chair, CoChair, Secretariat];
}

/// <summary>Someone in the directory: a diplomat, an advisor, the secretariat.</summary>
public sealed class Person
{
    public required string Id { get; init; }
    public required string Name { get; set; }

    /// <summary>Unique, lower-case; also the sign-in name in development.</summary>
    public required string Email { get; set; }
    public string? Organisation { get; set; }

    /// <summary>The member government a diplomat represents (ISO 3166 alpha-2), if any.</summary>
    public string? Government { get; set; }

    /// <summary>IANA time zone id, e.g. Europe/Tallinn: deadlines are shown in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>BCP 47 language tag, e.g. fr.</summary>
    public string Language { get; set; } = "en";
    public List<string> Roles { get; set; } = [];

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
