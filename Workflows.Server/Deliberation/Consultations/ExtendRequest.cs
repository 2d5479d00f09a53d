using System.Globalization;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>An extension of a window: to a moment or by a duration, always with a reason.</summary>
public sealed record ExtendRequest(DateTimeOffset? Until, TimeSpan? By, string Reason)
{
    /// <summary>Reads <c>{until | by, reason}</c>; every invalid field is reported at once.</summary>
    public static ExtendRequest Read(JsonNode? payload)
    {
        var errors = new Dictionary<string, string[]>();
        var untilText = Text(payload, "until");
        var byText = Text(payload, "by");
        var reason = Text(payload, "reason");
        DateTimeOffset? until = null;
        TimeSpan? by = null;
        if (untilText is null == byText is null)
            errors["until"] = ["Give exactly one of 'until' (a moment) or 'by' (an ISO 8601 duration)."];
        else if (untilText is not null)
        {
            if (DateTimeOffset.TryParse(untilText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) until = parsed;
            else errors["until"] = ["Must be a date and time with an offset, e.g. 2026-12-01T17:00:00+01:00."];
        }
        else if (SettingsJson.ParseDuration(byText!) is { } span && span > TimeSpan.Zero) by = span;
        else errors["by"] = ["Must be a positive ISO 8601 duration, e.g. P3D."];
        if (reason is null) errors["reason"] = ["Say why; it is journaled."];
        Limits.Check(errors, "reason", reason, Limits.Reason);
        if (errors.Count > 0) throw WorkflowProblem.Invalid("The extension is not valid", errors);
        return new ExtendRequest(until, by, reason!);
    }

    private static string? Text(JsonNode? payload, string name) =>
        payload?[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
