using System.Text.Json.Nodes;

namespace FocWorkflows.Server.Engine.Expressions;

// What a script or a template sees. Scripts get JSON copies of these values; only Variables is
// written back, and only when a script completes without error.
public sealed class ExpressionScope
{
    public JsonObject Input { get; init; } = [];

    public JsonObject Variables { get; init; } = [];

    // Activity outputs keyed by the activity's node id.
    public JsonObject Outputs { get; init; } = [];

    public JsonNode? TaskForce { get; init; }

    // Required so that no caller silently falls back to the machine clock.
    public required DateTimeOffset Now { get; init; }

    // A culture name such as "fr"; null renders templates in English.
    public string? Culture { get; init; }

    // Used by templates for dates without an offset; null means UTC.
    public TimeZoneInfo? TimeZone { get; init; }

    // Declared variable names: each gets Elsa-style get<Name>() / set<Name>(value) functions.
    public IReadOnlyCollection<string> DeclaredVariables { get; init; } = [];
}
