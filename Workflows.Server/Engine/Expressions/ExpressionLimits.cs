namespace FocWorkflows.Server.Engine.Expressions;

// Bound from the "Expressions" configuration section; the defaults keep a runaway script from
// holding a burst for more than a second or a few megabytes.
public sealed record ExpressionLimits
{
    public const string SectionName = "Expressions";

    public int TimeoutMs { get; init; } = 1000;

    // Also the step limit for templates, so a huge {% for %} stops as a runaway script does.
    public int MaxStatements { get; init; } = 100_000;

    // Jint counts bytes allocated by the evaluating thread, garbage included, checked between statements.
    public long MemoryBytes { get; init; } = 4 * 1024 * 1024;

    public int RecursionDepth { get; init; } = 64;
}
