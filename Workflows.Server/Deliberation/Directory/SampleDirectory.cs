namespace FocWorkflows.Server.Deliberation.Directory;

/// <summary>
/// What the embedded default starts with, so the product can be tried at once: twelve member
/// governments with two diplomats each, eight Advisory Network advisors, the secretariat, the
/// chair and two task forces. Production starts empty (<c>Seed:SampleDirectory=false</c>).
/// </summary>
public static class SampleDirectory
{
    public static IReadOnlyList<Government> Governments { get; } =
    [
        G("EE", "Estonia"), G("CH", "Switzerland"), G("CA", "Canada"), G("GH", "Ghana"), G("JP", "Japan"), G("CL", "Chile"),
        G("DE", "Germany"), G("FR", "France"), G("KE", "Kenya"), G("NL", "Netherlands"), G("AU", "Australia"), G("US", "United States"),
    ];

    public static IReadOnlyList<Person> People { get; } =
    [
        P("secretariat@foc.example", "Sam Okafor", "FOC Support Unit", null, "Europe/Amsterdam", "en", Roles.Secretariat),
        P("chair@foc.example", "Liis Tamm", "Ministry of Foreign Affairs of Estonia", "EE", "Europe/Tallinn", "en", Roles.Chair, Roles.Member),
        P("diplomat.ee@foc.example", "Kristjan Kask", "Ministry of Foreign Affairs of Estonia", "EE", "Europe/Tallinn", "en", Roles.Member),
        P("cochair@foc.example", "Marc Dubois", "Federal Department of Foreign Affairs", "CH", "Europe/Zurich", "fr", Roles.CoChair, Roles.Member),
        P("diplomat.ch@foc.example", "Anna Meier", "Federal Department of Foreign Affairs", "CH", "Europe/Zurich", "de", Roles.Member),
        P("diplomat.ca@foc.example", "Emily Chen", "Global Affairs Canada", "CA", "America/Toronto", "en", Roles.Member),
        P("diplomat2.ca@foc.example", "Luc Tremblay", "Global Affairs Canada", "CA", "America/Toronto", "fr", Roles.Member),
        P("diplomat.gh@foc.example", "Kwame Mensah", "Ministry of Foreign Affairs of Ghana", "GH", "Africa/Accra", "en", Roles.Member),
        P("diplomat2.gh@foc.example", "Ama Owusu", "Ministry of Foreign Affairs of Ghana", "GH", "Africa/Accra", "en", Roles.Member),
        P("diplomat.jp@foc.example", "Haruki Sato", "Ministry of Foreign Affairs of Japan", "JP", "Asia/Tokyo", "en", Roles.Member, Roles.SteeringCommittee),
        P("diplomat2.jp@foc.example", "Yui Tanaka", "Ministry of Foreign Affairs of Japan", "JP", "Asia/Tokyo", "en", Roles.Member),
        P("diplomat.cl@foc.example", "Valentina Rojas", "Ministerio de Relaciones Exteriores", "CL", "America/Santiago", "es", Roles.Member),
        P("diplomat2.cl@foc.example", "Diego Fuentes", "Ministerio de Relaciones Exteriores", "CL", "America/Santiago", "es", Roles.Member),
        P("diplomat.de@foc.example", "Jonas Becker", "Auswärtiges Amt", "DE", "Europe/Berlin", "de", Roles.Member, Roles.SteeringCommittee),
        P("diplomat2.de@foc.example", "Lea Schmidt", "Auswärtiges Amt", "DE", "Europe/Berlin", "de", Roles.Member),
        P("diplomat.fr@foc.example", "Camille Laurent", "Ministère de l'Europe et des Affaires étrangères", "FR", "Europe/Paris", "fr", Roles.Member),
        P("diplomat2.fr@foc.example", "Hugo Martin", "Ministère de l'Europe et des Affaires étrangères", "FR", "Europe/Paris", "fr", Roles.Member),
        P("diplomat.ke@foc.example", "Wanjiru Kamau", "Ministry of Foreign and Diaspora Affairs", "KE", "Africa/Nairobi", "en", Roles.Member),
        P("diplomat2.ke@foc.example", "Otieno Ouma", "Ministry of Foreign and Diaspora Affairs", "KE", "Africa/Nairobi", "en", Roles.Member),
        P("diplomat.nl@foc.example", "Sanne de Vries", "Ministry of Foreign Affairs", "NL", "Europe/Amsterdam", "en", Roles.Member, Roles.SteeringCommittee),
        P("diplomat2.nl@foc.example", "Daan Jansen", "Ministry of Foreign Affairs", "NL", "Europe/Amsterdam", "en", Roles.Member),
        P("diplomat.au@foc.example", "Olivia Harris", "Department of Foreign Affairs and Trade", "AU", "Australia/Sydney", "en", Roles.Member),
        P("diplomat2.au@foc.example", "Jack Wilson", "Department of Foreign Affairs and Trade", "AU", "Australia/Sydney", "en", Roles.Member),
        P("diplomat.us@foc.example", "Maya Johnson", "Department of State", "US", "America/New_York", "en", Roles.Member),
        P("diplomat2.us@foc.example", "Ethan Brooks", "Department of State", "US", "America/New_York", "en", Roles.Member),
        P("advisor.access@foc.example", "Nadia Haddad", "Digital Rights Collective", null, "Asia/Beirut", "ar", Roles.Advisor),
        P("advisor.uni@foc.example", "Tomás Ortega", "Universidad de Buenos Aires", null, "America/Argentina/Buenos_Aires", "es", Roles.Advisor),
        P("advisor.tech@foc.example", "Priya Raman", "Open Standards Institute", null, "Asia/Kolkata", "en", Roles.Advisor),
        P("advisor.industry@foc.example", "Erik Lindqvist", "Nordic Telecom Alliance", null, "Europe/Stockholm", "en", Roles.Advisor),
        P("advisor.press@foc.example", "Amara Diallo", "Free Press Africa", null, "Africa/Dakar", "fr", Roles.Advisor),
        P("advisor.women@foc.example", "Sofia Petrova", "Women in Tech Policy", null, "Europe/Sofia", "en", Roles.Advisor),
        P("advisor.shutdowns@foc.example", "Daniel Okoro", "KeepItOn Coalition", null, "Africa/Lagos", "en", Roles.Advisor),
        P("advisor.ai@foc.example", "Mei Lin", "Institute for AI and Society", null, "Asia/Singapore", "en", Roles.Advisor),
    ];

    public static IReadOnlyList<TaskForce> TaskForces { get; } =
    [
        new()
        {
            Id = "ai-and-human-rights", Name = "Task Force on AI and Human Rights",
            Mandate = "Promote human rights-respecting approaches to artificial intelligence in multilateral fora.",
            LeadGovernments = ["CH", "NL"], AdvisoryCoLeads = ["advisor.ai@foc.example"],
            MemberGovernments = ["CH", "NL", "CA", "EE", "DE", "FR", "JP", "GH"],
            Advisors = ["advisor.ai@foc.example", "advisor.access@foc.example", "advisor.uni@foc.example", "advisor.tech@foc.example"],
            EndDate = new DateOnly(2027, 12, 31),
        },
        new()
        {
            Id = "internet-shutdowns", Name = "Task Force on Internet Shutdowns",
            Mandate = "Coordinate diplomatic responses to Internet shutdowns and network disruptions.",
            LeadGovernments = ["US", "KE"], AdvisoryCoLeads = ["advisor.shutdowns@foc.example"],
            MemberGovernments = ["US", "KE", "AU", "CL", "CH", "GH"],
            Advisors = ["advisor.shutdowns@foc.example", "advisor.press@foc.example", "advisor.industry@foc.example", "advisor.women@foc.example"],
            EndDate = new DateOnly(2027, 6, 30),
        },
    ];

    private static Government G(string code, string name) => new() { Code = code, Name = name };

    private static Person P(string email, string name, string organisation, string? government, string timeZone, string language, params string[] roles) => new()
    {
        Id = email.Split('@')[0],
        Email = email,
        Name = name,
        Organisation = organisation,
        Government = government,
        TimeZone = timeZone,
        Language = language,
        Roles = [.. roles],
    };
}
