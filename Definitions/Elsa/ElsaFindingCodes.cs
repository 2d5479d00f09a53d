namespace FocWorkflows.Definitions.Elsa;

/// <summary>
/// Finding codes only the Elsa import and export raise; the shared ones (unmapped type, malformed
/// JSON) stay in <see cref="Validation.FindingCodes"/>.
/// </summary>
public static class ElsaFindingCodes
{
    /// <summary>An Elsa Timer became a delay: Elsa may start a workflow from a timer, we cannot.</summary>
    public const string TimerAsDelay = "elsa-timer-as-delay";

    /// <summary>An Elsa input of a mapped activity has no native setting and was left out.</summary>
    public const string InputDropped = "elsa-input-dropped";

    /// <summary>
    /// The flowchart had no Elsa Start, so a start node was added where Elsa begins (see
    /// <see cref="ElsaImplicitStart"/>); informational, the definition runs as it did in Elsa.
    /// </summary>
    public const string StartAdded = "elsa-start-added";

    /// <summary>An Elsa expression language we cannot run (e.g. C#, Python); the raw input is kept as a literal.</summary>
    public const string UnmappedExpression = "elsa-unmapped-expression";
}
