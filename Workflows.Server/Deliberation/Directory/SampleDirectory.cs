namespace FocWorkflows.Server.Deliberation.Directory;

/// <summary>
/// The people the embedded default starts with, so the product can be tried at once: the
/// secretariat, the chair, member diplomats and Advisory Network advisors. Production starts empty.
/// </summary>
public static class SampleDirectory
{
    public static IReadOnlyList<Person> People { get; } =
    [
        P("secretariat@foc.example", "Sam Okafor", "FOC Support Unit", null, "Europe/Amsterdam", "en", Roles.Secretariat),
        P("chair@foc.example", "Liis Tamm", "Ministry of Foreign Affairs of Estonia", "EE", "Europe/Tallinn", "en", Roles.Chair, Roles.Member),
        P("cochair@foc.example", "Marc Dubois", "Département fédéral des affaires étrangères", "CH", "Europe/Zurich", "fr", Roles.CoChair, Roles.Member),
        P("diplomat.ca@foc.example", "Emily Chen", "Global Affairs Canada", "CA", "America/Toronto", "en", Roles.Member),
        P("diplomat.gh@foc.example", "Kwame Mensah", "Ministry of Foreign Affairs of Ghana", "GH", "Africa/Accra", "en", Roles.Member),
        P("diplomat.jp@foc.example", "Haruki Sato", "Ministry of Foreign Affairs of Japan", "JP", "Asia/Tokyo", "en", Roles.Member, Roles.SteeringCommittee),
        P("diplomat.cl@foc.example", "Valentina Rojas", "Ministerio de Relaciones Exteriores de Chile", "CL", "America/Santiago", "es", Roles.Member),
        P("advisor.access@foc.example", "Nadia Haddad", "Digital Rights Collective", null, "Asia/Beirut", "ar", Roles.Advisor),
        P("advisor.uni@foc.example", "Tomás Ortega", "Universidad de Buenos Aires", null, "America/Argentina/Buenos_Aires", "es", Roles.Advisor),
    ];

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
