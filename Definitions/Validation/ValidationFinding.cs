namespace FocWorkflows.Definitions.Validation;

/// <summary>
/// One problem found in a definition. <see cref="Path"/> is a JSON path into the definition
/// (e.g. <c>$.activities[3].settings.condition</c>) so an editor can point at the exact field.
/// </summary>
public sealed record ValidationFinding(string Code, string Message, string Path, string? NodeId = null);

/// <summary>Stable finding codes, for clients that react to a kind of problem.</summary>
public static class FindingCodes
{
    public const string MalformedJson = "malformed-json";
    public const string SchemaViolation = "schema-violation";
    public const string DuplicateNodeId = "duplicate-node-id";
    public const string UnknownActivityType = "unknown-activity-type";
    public const string MissingSetting = "missing-setting";
    public const string MistypedSetting = "mistyped-setting";
    public const string UnknownSetting = "unknown-setting";
    public const string UnknownNode = "unknown-node";
    public const string UnknownOutcome = "unknown-outcome";
    public const string NoStart = "no-start";
    public const string UnreachableNode = "unreachable-node";
    public const string ScriptSyntax = "script-syntax";
    public const string TemplateSyntax = "template-syntax";
    public const string UnmappedElsaType = "unmapped-elsa-type";
    public const string InvalidInput = "invalid-input";
}
