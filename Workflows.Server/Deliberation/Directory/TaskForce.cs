namespace FocWorkflows.Server.Deliberation.Directory;

/// <summary>
/// A task force or working group, as chartered: its mandate, the governments leading it, the
/// Advisory Network co-leads, its member governments and advisors, and when its mandate ends.
/// </summary>
public sealed class TaskForce
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string Mandate { get; set; } = "";

    /// <summary>ISO 3166 alpha-2 codes of the lead governments; their diplomats hold the pen.</summary>
    public List<string> LeadGovernments { get; set; } = [];

    /// <summary>E-mails of the Advisory Network co-leads; they hold the pen with the leads.</summary>
    public List<string> AdvisoryCoLeads { get; set; } = [];

    /// <summary>ISO 3166 alpha-2 codes of the member governments taking part.</summary>
    public List<string> MemberGovernments { get; set; } = [];

    /// <summary>E-mails of the advisors taking part.</summary>
    public List<string> Advisors { get; set; } = [];

    public DateOnly? EndDate { get; set; }
    public DateTimeOffset? EstablishedAt { get; set; }
}

/// <summary>A member government of the coalition.</summary>
public sealed class Government
{
    /// <summary>ISO 3166 alpha-2, e.g. EE.</summary>
    public required string Code { get; init; }
    public required string Name { get; set; }
}
