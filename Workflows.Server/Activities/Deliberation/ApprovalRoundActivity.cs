using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <param name="approvals">The round, its responses so far, and the diplomats of the governments it asks.</param>
/// <param name="directory">Resolves the audience, and tells which government a responding diplomat represents.</param>
[Activity(Type, "Deliberation", "Approval round",
    Description = "Asks member governments to approve a text by silence, consensus, sign-on or majority vote until a deadline; "
        + "ends early when the result can no longer change, or with Withdrawn when a chair takes the text back. "
        + "Responses, extensions and withdrawals arrive through /api/approvals/{id}.",
    Blocking = true, Outcomes = [nameof(ApprovalResult.Adopted), nameof(ApprovalResult.NotAdopted), WithdrawRequest.Outcome])]
public sealed class ApprovalRoundActivity(IApprovalReads approvals, IDirectory directory) : Activity<ApprovalRoundActivity.Settings>
{
    public const string Type = "deliberation.approval-round";
    public const string BookmarkKind = "deliberation.approval";

    public sealed record Settings(
        [property: Setting(Help = "What the members approve, e.g. 'Joint statement on Internet shutdowns'.")] string Title,
        [property: Setting(Help = "silence, consensus, signOn (opt-in signatories) or majority.")] ApprovalMode Mode,
        [property: Setting(Help = "Whose governments are asked: all members, the task force's members, or a list.")] ApprovalAudience Audience = ApprovalAudience.AllMembers,
        [property: Setting(Help = "Government codes (ISO 3166 alpha-2, e.g. EE) when the audience is a list.")] IReadOnlyList<string>? Governments = null,
        [property: Setting(Help = "How long the round stays open, as an ISO 8601 duration (PT72H is the UN minimum for silence).")] TimeSpan? Window = null,
        [property: Setting(Help = "Or the moment it closes, with its offset.")] DateTimeOffset? Until = null,
        [property: Setting(Help = "Majority: the share of the audience (0 to 1) that must respond for the vote to count.")] double? Quorum = null,
        [property: Setting(Help = "Majority: adopted when yes > threshold × (yes + no); 0.5 is a simple majority.")] double Threshold = 0.5,
        [property: Setting(Help = "The draft version being approved, e.g. {\"js\": \"outputs.draft.version\"}.")] int? DraftVersion = null,
        [property: Setting(Help = "Put the deadline in the diplomats' calendars (moved when extended, cancelled when decided early).")] bool CalendarDeadline = false);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        if (Deadline.From(settings.Window, settings.Until, context.Now) is not { } deadline)
            return ActivityResult.Fault("An approval round needs exactly one of 'window' or 'until'.");
        if (deadline <= context.Now) return ActivityResult.Fault($"The approval round's deadline {deadline:O} has already passed.");
        if (settings.Quorum is < 0 or > 1) return ActivityResult.Fault("'quorum' must be between 0 and 1.");
        if (settings.Threshold is < 0 or >= 1) return ActivityResult.Fault("'threshold' must be at least 0 and below 1.");

        var diplomats = await AudienceAsync(context, settings, ct);
        var governments = diplomats.Select(p => p.Government!).Distinct().Order(StringComparer.Ordinal).ToList();
        if (governments.Count == 0) return ActivityResult.Fault("The approval round's audience has no member government with a diplomat.");

        var round = new ApprovalRound
        {
            Id = context.NewId(), InstanceId = context.InstanceId, NodeId = context.NodeId, TaskForceId = context.TaskForceId,
            Title = settings.Title, Mode = settings.Mode, DraftVersion = settings.DraftVersion, AudienceGovernments = governments,
            OpensAt = context.Now, Deadline = deadline, Quorum = settings.Quorum, Threshold = settings.Threshold,
        };
        context.Record(round);
        var bookmark = context.CreateBookmark(BookmarkKind, round.Id, deadline);
        context.CreateInboxTask($"Respond: {settings.Title}", [.. diplomats.Select(p => p.Email)], deadline, bookmark, $"/api/approvals/{round.Id}");
        foreach (var diplomat in diplomats)
            context.Enqueue("mail", new JsonObject
            {
                ["template"] = "approval-opened", ["to"] = diplomat.Email, ["roundId"] = round.Id, ["title"] = round.Title,
                ["mode"] = Camel(round.Mode), ["deadline"] = deadline,
            });
        if (settings.CalendarDeadline)
            DeadlineCalendar.Put(context, CalendarKey(round), round.Title, deadline, diplomats.Select(p => p.Email), $"/api/approvals/{round.Id}");
        context.Journal("approval-opened", new JsonObject
        {
            ["roundId"] = round.Id, ["mode"] = Camel(round.Mode), ["deadline"] = deadline, ["governments"] = new JsonArray([.. governments.Select(g => (JsonNode)g)]),
        });
        context.SetOutput(new JsonObject { ["roundId"] = round.Id });
        return ActivityResult.Suspend(bookmark);
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Settings settings, ResumeSignal signal, CancellationToken ct)
    {
        var round = await approvals.FindRoundAsync(signal.Bookmark.Key!, ct)
            ?? throw new InvalidOperationException($"Approval round '{signal.Bookmark.Key}' is missing.");
        var responses = await approvals.ResponsesAsync(round.Id, ct);
        if (signal.ByTimer) return Close(context, round, responses, ApprovalRules.Evaluate(round, responses, context.Now, deadlinePassed: true));

        if (!round.AcceptsResponsesAt(context.Now))
            throw WorkflowProblem.Conflict("Approval round closed", $"The round's deadline was {round.Deadline:O}; it no longer accepts changes.");
        switch (signal.Action)
        {
            case RespondRequest.Action:
                var government = await ResponderGovernmentAsync(context, round, signal, ct);
                var request = RespondRequest.Read(signal.Payload, round.Mode);
                ApprovalResponding.Apply(context, round, responses, government, request, signal);
                var verdict = ApprovalRules.Evaluate(round, responses, context.Now, deadlinePassed: false);
                return verdict.IsDecided ? Close(context, round, responses, verdict) : ActivityResult.StaySuspended();
            case ExtendRequest.Action:
                var extension = ExtendRequest.Read(signal.Payload, round.Deadline);
                context.Journal("approval-extended", new JsonObject
                {
                    ["roundId"] = round.Id, ["from"] = round.Deadline, ["to"] = extension.NewDeadline, ["reason"] = extension.Reason,
                });
                round.Deadline = extension.NewDeadline;
                context.Update(round);
                context.MoveDeadline(signal.Bookmark, extension.NewDeadline);
                var audience = await approvals.DiplomatsOfAsync(round.AudienceGovernments, ct);
                DeadlineCalendar.Move(context, CalendarKey(round), round.Title, round.Deadline, audience.Select(p => p.Email), $"/api/approvals/{round.Id}");
                foreach (var diplomat in audience)
                    context.Enqueue("mail", new JsonObject
                    {
                        ["template"] = "approval-extended", ["to"] = diplomat.Email, ["roundId"] = round.Id, ["title"] = round.Title,
                        ["deadline"] = round.Deadline, ["reason"] = extension.Reason,
                    });
                return ActivityResult.StaySuspended();
            case WithdrawRequest.Action:
                return await WithdrawAsync(context, round, signal, ct);
            default:
                throw WorkflowProblem.Invalid("Unknown action", new Dictionary<string, string[]> { ["action"] = ["must be respond, extend or withdraw."] });
        }
    }

    private async Task<IReadOnlyList<Person>> AudienceAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        switch (settings.Audience)
        {
            case ApprovalAudience.AllMembers:
                return await directory.ResolveAsync(AudienceKind.AllMembers, null, null, ct);
            case ApprovalAudience.TaskForceMembers:
                var taskForce = context.TaskForceId ?? throw new InvalidOperationException("The audience is the task force's members, but the instance has no task force.");
                return await directory.ResolveAsync(AudienceKind.TaskForceMembers, taskForce, null, ct);
            default:
                var codes = (settings.Governments ?? []).Select(g => g.Trim().ToUpperInvariant()).Distinct().ToList();
                var diplomats = await approvals.DiplomatsOfAsync(codes, ct);
                var without = codes.Except(diplomats.Select(p => p.Government!)).ToList();
                if (without.Count > 0) throw new InvalidOperationException($"No diplomat in the directory represents {string.Join(", ", without)}.");
                return diplomats;
        }
    }

    /// <summary>The government the acting diplomat represents; 403 unless it is in the round's audience.</summary>
    private async Task<string> ResponderGovernmentAsync(ActivityContext context, ApprovalRound round, ResumeSignal signal, CancellationToken ct)
    {
        var email = signal.OnBehalfOf ?? signal.Actor;
        var person = email is null ? null : await directory.FindPersonAsync(email, ct);
        if (person is { Government: { } government } && person.HasRole(Roles.Member) && round.AudienceGovernments.Contains(government))
            return government;
        throw WorkflowProblem.Forbidden("Only diplomats of the governments asked in this round may respond to it.");
    }

    private static string CalendarKey(ApprovalRound round) => DeadlineCalendar.Key("approval", round.Id);

    private async Task<ActivityResult> WithdrawAsync(ActivityContext context, ApprovalRound round, ResumeSignal signal, CancellationToken ct)
    {
        var reason = WithdrawRequest.ReadReason(signal.Payload);
        DeadlineCalendar.Withdraw(context, CalendarKey(round), $"The text was withdrawn: {reason}");
        round.Withdraw(Withdrawal.By(signal), reason, context.Now);
        context.Update(round);
        var audience = await approvals.DiplomatsOfAsync(round.AudienceGovernments, ct);
        await Withdrawal.TellEveryoneAsync(context, directory, audience.Select(p => p.Email), "approval-withdrawn", "approval-withdrawn",
            new JsonObject { ["roundId"] = round.Id, ["title"] = round.Title }, reason, ct);
        context.SetOutput(new JsonObject
        {
            ["roundId"] = round.Id, ["result"] = Camel(ApprovalResult.Withdrawn), ["reason"] = Camel(ApprovalReason.Withdrawn), ["withdrawnBecause"] = reason,
            ["signatories"] = new JsonArray(), ["dissociated"] = new JsonArray(), ["objections"] = new JsonArray(),
        });
        return ActivityResult.Outcome(WithdrawRequest.Outcome);
    }

    private static ActivityResult Close(ActivityContext context, ApprovalRound round, IReadOnlyList<ApprovalResponse> responses, ApprovalVerdict verdict)
    {
        var tally = ApprovalTally.Of(round, responses);
        if (context.Now < round.Deadline) DeadlineCalendar.Withdraw(context, CalendarKey(round), $"The round was decided early: {verdict.Result}.");
        else DeadlineCalendar.Passed(context, CalendarKey(round));
        // Only an adopted text has members who adopted it; the responses keep who endorsed a text that failed.
        var signatories = verdict.Result == ApprovalResult.Adopted ? tally.Signatories : [];
        var dissociations = verdict.Result == ApprovalResult.Adopted ? ApprovalTally.DissociationsOf(responses) : [];
        round.Close(verdict, signatories, context.Now);
        context.Update(round);
        var output = new JsonObject
        {
            ["roundId"] = round.Id, ["result"] = Camel(verdict.Result!.Value), ["reason"] = Camel(verdict.Reason!.Value),
            ["tally"] = JsonSerializer.SerializeToNode(tally, SettingsJson.Options),
            ["signatories"] = JsonSerializer.SerializeToNode(signatories, SettingsJson.Options),
            ["dissociated"] = JsonSerializer.SerializeToNode(dissociations.Select(d => d.Government), SettingsJson.Options),
            ["dissociations"] = JsonSerializer.SerializeToNode(dissociations, SettingsJson.Options),
            ["objections"] = JsonSerializer.SerializeToNode(ApprovalTally.ObjectionsOf(responses), SettingsJson.Options),
        };
        context.Journal("approval-closed", new JsonObject
        {
            ["roundId"] = round.Id, ["result"] = output["result"]!.DeepClone(), ["reason"] = output["reason"]!.DeepClone(),
            ["signatories"] = output["signatories"]!.DeepClone(), ["dissociated"] = output["dissociated"]!.DeepClone(),
        });
        context.SetOutput(output);
        return ActivityResult.Outcome(verdict.Result.Value.ToString());
    }

    private static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
