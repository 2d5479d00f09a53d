using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>Who is asked in an approval round: member governments, by way of their diplomats.</summary>
public enum ApprovalAudience { AllMembers, TaskForceMembers, List }

/// <summary>A member's response as the approval-round step receives it (action <c>respond</c>); 400 when it breaks a rule.</summary>
public sealed record RespondRequest(ResponseKind Kind, string? Reason, string? ProposedText)
{
    public const string Action = "respond";

    public static RespondRequest Read(JsonNode? payload, ApprovalMode mode)
    {
        var text = ApprovalPayload.Text(payload, "kind");
        if (!Enum.TryParse<ResponseKind>(text, ignoreCase: true, out var kind) || int.TryParse(text, out _))
            throw Invalid("kind", $"must be one of {string.Join(", ", Enum.GetNames<ResponseKind>().Select(Camel))}.");
        var allowed = ApprovalResponse.AllowedIn(mode);
        if (!allowed.Contains(kind))
            throw Invalid("kind", $"a {Camel(mode.ToString())} round accepts {string.Join(", ", allowed.Select(k => Camel(k.ToString())))}.");
        var reason = ApprovalPayload.Text(payload, "reason")?.Trim();
        if (kind == ResponseKind.Object && string.IsNullOrEmpty(reason))
            throw Invalid("reason", "an objection needs a reason.");
        if (kind == ResponseKind.Dissociate && string.IsNullOrEmpty(reason))
            throw Invalid("reason", "a dissociation needs a reason (it is recorded and shown with the result).");
        if (reason?.Length > Limits.Reason) throw Invalid("reason", Limits.TooLong(Limits.Reason));
        var proposed = ApprovalPayload.Text(payload, "proposedText");
        if (proposed?.Length > Limits.Text) throw Invalid("proposedText", Limits.TooLong(Limits.Text));
        return new RespondRequest(kind, string.IsNullOrEmpty(reason) ? null : reason, string.IsNullOrWhiteSpace(proposed) ? null : proposed);
    }

    internal static WorkflowProblem Invalid(string field, string message) =>
        WorkflowProblem.Invalid("The response is not valid", new Dictionary<string, string[]> { [field] = [message] });

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>A deadline extension (action <c>extend</c>): to a moment (<c>until</c>) or by a duration (<c>by</c>), with a reason.</summary>
public sealed record ExtendRequest(DateTimeOffset NewDeadline, string Reason)
{
    public const string Action = "extend";

    public static ExtendRequest Read(JsonNode? payload, DateTimeOffset currentDeadline)
    {
        var untilText = ApprovalPayload.Text(payload, "until");
        var byText = ApprovalPayload.Text(payload, "by");
        if (untilText is null == byText is null) throw Invalid("until", "give exactly one of 'until' (a moment) or 'by' (an ISO 8601 duration).");
        DateTimeOffset deadline;
        if (untilText is not null)
        {
            if (!DateTimeOffset.TryParse(untilText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until))
                throw Invalid("until", "must be a moment with its offset, e.g. 2026-12-01T17:00:00+01:00.");
            deadline = until.ToUniversalTime();
        }
        else
        {
            var by = SettingsJson.ParseDuration(byText!) ?? throw Invalid("by", "must be an ISO 8601 duration such as PT24H.");
            deadline = currentDeadline + by;
        }
        if (deadline <= currentDeadline) throw Invalid(untilText is null ? "by" : "until", "an extension must move the deadline later.");
        var reason = ApprovalPayload.Text(payload, "reason")?.Trim();
        if (string.IsNullOrEmpty(reason)) throw Invalid("reason", "an extension needs a reason (it is journaled).");
        if (reason.Length > Limits.Reason) throw Invalid("reason", Limits.TooLong(Limits.Reason));
        return new ExtendRequest(deadline, reason);
    }

    private static WorkflowProblem Invalid(string field, string message) =>
        WorkflowProblem.Invalid("The extension is not valid", new Dictionary<string, string[]> { [field] = [message] });
}

internal static class ApprovalPayload
{
    /// <summary>A string field of a payload, or null; never throws on a value of another type.</summary>
    public static string? Text(JsonNode? payload, string name) =>
        payload is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
