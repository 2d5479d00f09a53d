using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <summary>Who a consultation asks: the audience kinds a consultation may use.</summary>
public enum ConsultationAudience { TaskForceMembers, AdvisoryNetwork, AllMembers, List }

/// <param name="directory">Resolves the audience when the window opens, and the pen-holders told of a withdrawal.</param>
/// <param name="consultations">The window, and who has commented: whom not to remind.</param>
/// <param name="advisorLinks">The advisors' links the secretariat withdrew: whom not to remind either.</param>
[Activity(Type, "Deliberation", "Consultation",
    Description = "Opens a comment window for an audience; reminds those who have not commented; closes at its deadline, early, or later when extended "
        + "(Done), or ends with Withdrawn when a chair takes the text back.",
    Blocking = true, Outcomes = [Outcomes.Done, WithdrawRequest.Outcome])]
public sealed class ConsultationActivity(IDirectory directory, IConsultationReads consultations, IAdvisorLinkReads advisorLinks)
    : Activity<ConsultationActivity.Settings>
{
    public const string Type = "deliberation.consultation";

    public sealed record Settings(
        [property: Setting(Help = "What is consulted on, e.g. 'Draft joint statement on AI and human rights'.")] string Title,
        [property: Setting(Help = "Who may comment; the audience is fixed when the window opens.")] ConsultationAudience Audience,
        [property: Setting(Help = "For the List audience: e-mails or role:NAME entries.")] IReadOnlyList<string>? People = null,
        [property: Setting(Help = "How long the window stays open (ISO 8601, e.g. P14D). Give this or 'until'.")] TimeSpan? Window = null,
        [property: Setting(Help = "Or the moment the window closes, with its offset.")] DateTimeOffset? Until = null,
        [property: Setting(Help = "Remind those who have not commented this long before the close (e.g. P2D).")] TimeSpan? ReminderBefore = null,
        [property: Setting(Help = "The draft version consulted on, e.g. outputs.draft.version.")] int? DraftVersion = null,
        [property: Setting(Help = "Put the deadline in the audience's calendars (moved when extended, cancelled when closed early).")] bool CalendarDeadline = false);

    protected override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        if (Deadline.From(settings.Window, settings.Until, context.Now) is not { } closesAt)
            return ActivityResult.Fault("A consultation needs exactly one of 'window' or 'until'.");
        if (closesAt <= context.Now) return ActivityResult.Fault($"The consultation would close at {closesAt:O}, which is not in the future.");
        if (settings.Audience == ConsultationAudience.TaskForceMembers && context.TaskForceId is null)
            return ActivityResult.Fault("The TaskForceMembers audience needs an instance launched for a task force.");

        var kind = Enum.Parse<AudienceKind>(settings.Audience.ToString());
        var people = await directory.ResolveAsync(kind, context.TaskForceId, settings.People, ct);
        if (people.Count == 0) return ActivityResult.Fault("The consultation's audience resolves to no one.");

        var consultation = new Consultation
        {
            Id = context.NewId(), InstanceId = context.InstanceId, NodeId = context.NodeId, Title = settings.Title,
            DraftVersion = settings.DraftVersion, Audience = [.. people.Select(p => p.Email.ToLowerInvariant()).Distinct()],
            AudienceKind = kind, OpensAt = context.Now, ClosesAt = closesAt, Status = ConsultationStatus.Open,
        };
        context.Record(consultation);
        var deadline = context.CreateBookmark(ConsultationEvents.DeadlineBookmark, consultation.Id, closesAt);
        var bookmarks = new List<Engine.State.Bookmark> { deadline };
        if (ReminderDue(settings, closesAt) is { } remindAt && remindAt > context.Now)
            bookmarks.Add(context.CreateBookmark(ConsultationEvents.ReminderBookmark, consultation.Id, remindAt));
        context.CreateInboxTask($"Comment: {settings.Title}", consultation.Audience, closesAt, deadline, $"/api/consultations/{consultation.Id}");
        foreach (var email in consultation.Audience) Mail(context, consultation, email, "consultation-opened", $"Consultation open: {settings.Title}");
        if (settings.CalendarDeadline)
            DeadlineCalendar.Put(context, CalendarKey(consultation), settings.Title, closesAt, consultation.Audience, Where(consultation));
        context.Journal(ConsultationEvents.Opened, new JsonObject
        {
            ["consultationId"] = consultation.Id, ["audience"] = settings.Audience.ToString(), ["audienceCount"] = consultation.Audience.Count,
            ["closesAt"] = closesAt, ["draftVersion"] = settings.DraftVersion,
        });
        context.SetOutput(new JsonObject { ["consultationId"] = consultation.Id, ["comments"] = 0 });
        return ActivityResult.Suspend([.. bookmarks]);
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Settings settings, ResumeSignal signal, CancellationToken ct)
    {
        var consultation = await consultations.FindAsync(signal.Bookmark.Key!, ct)
            ?? throw new InvalidOperationException($"Consultation '{signal.Bookmark.Key}' is missing.");
        if (signal.ByTimer && signal.Bookmark.Kind == ConsultationEvents.ReminderBookmark)
        {
            var commenters = await consultations.CommentersAsync(consultation.Id, ct);
            // Whose link the secretariat withdrew gets no reminder: it would hand them a link that is refused.
            var revocations = await advisorLinks.RevocationsAsync(consultation.Id, ct);
            var uncommented = consultation.Audience.Where(e => !commenters.Contains(e)).ToList();
            var withdrawn = uncommented.Where(e => revocations.Any(r => r.Covers(e))).ToList();
            var pending = uncommented.Except(withdrawn).ToList();
            foreach (var email in pending) Mail(context, consultation, email, "consultation-reminder", $"Reminder: {consultation.Title} closes soon");
            context.Journal(ConsultationEvents.RemindersSent, new JsonObject
            {
                ["count"] = pending.Count, ["to"] = new JsonArray([.. pending.Select(e => (JsonNode)e)]),
                ["linkWithdrawn"] = new JsonArray([.. withdrawn.Select(e => (JsonNode)e)]),
            });
            context.DropBookmark(signal.Bookmark);
            return ActivityResult.StaySuspended();
        }
        if (signal.ByTimer)
        {
            DeadlineCalendar.Passed(context, CalendarKey(consultation));
            return await CloseAsync(context, consultation, "The window reached its deadline.", ct);
        }
        return signal.Action switch
        {
            "close" => await CloseEarlyAsync(context, consultation, CloseRequest.ReadReason(signal.Payload), ct),
            "extend" => Extend(context, settings, signal, consultation),
            WithdrawRequest.Action => await WithdrawAsync(context, consultation, signal, ct),
            _ => throw WorkflowProblem.Invalid("Unknown action", new Dictionary<string, string[]> { ["action"] = ["Use close, extend or withdraw."] }),
        };
    }

    private Task<ActivityResult> CloseEarlyAsync(ActivityContext context, Consultation consultation, string reason, CancellationToken ct)
    {
        DeadlineCalendar.Withdraw(context, CalendarKey(consultation), $"The consultation closed early: {reason}");
        return CloseAsync(context, consultation, reason, ct);
    }

    private async Task<ActivityResult> WithdrawAsync(ActivityContext context, Consultation consultation, ResumeSignal signal, CancellationToken ct)
    {
        var reason = WithdrawRequest.ReadReason(signal.Payload);
        if (!consultation.AcceptsCommentsAt(context.Now))
            throw WorkflowProblem.Conflict("Consultation closed", "The window has reached its deadline; it can no longer be withdrawn.");
        DeadlineCalendar.Withdraw(context, CalendarKey(consultation), $"The text was withdrawn: {reason}");
        consultation.Status = ConsultationStatus.Withdrawn;
        consultation.ClosedAt = context.Now;
        consultation.ClosedBy = Withdrawal.By(signal);
        consultation.CloseReason = reason;
        context.Update(consultation);
        // No closesAt: a withdrawn window needs no personal link that opens it until its deadline.
        await Withdrawal.TellEveryoneAsync(context, directory, consultation.Audience, "consultation-withdrawn", ConsultationEvents.Withdrawn,
            new JsonObject { ["consultationId"] = consultation.Id, ["title"] = consultation.Title }, reason, ct);
        context.SetOutput(new JsonObject
        {
            ["consultationId"] = consultation.Id, ["comments"] = await consultations.CommentCountAsync(consultation.Id, ct), ["withdrawnBecause"] = reason,
        });
        return ActivityResult.Outcome(WithdrawRequest.Outcome);
    }

    private static string CalendarKey(Consultation consultation) => DeadlineCalendar.Key("consultation", consultation.Id);

    private static string Where(Consultation consultation) => $"/consultations/{consultation.Id}";

    private async Task<ActivityResult> CloseAsync(ActivityContext context, Consultation consultation, string reason, CancellationToken ct)
    {
        consultation.Status = ConsultationStatus.Closed;
        consultation.ClosedAt = context.Now;
        consultation.ClosedBy = context.Actor;
        consultation.CloseReason = reason;
        context.Update(consultation);
        var comments = await consultations.CommentCountAsync(consultation.Id, ct);
        context.Journal(ConsultationEvents.Closed, new JsonObject
        {
            ["consultationId"] = consultation.Id, ["comments"] = comments, ["reason"] = reason, ["early"] = context.Now < consultation.ClosesAt,
        });
        context.SetOutput(new JsonObject { ["consultationId"] = consultation.Id, ["comments"] = comments });
        return ActivityResult.Outcome(Outcomes.Done);
    }

    private static ActivityResult Extend(ActivityContext context, Settings settings, ResumeSignal signal, Consultation consultation)
    {
        var request = ExtendRequest.Read(signal.Payload);
        if (context.Now >= consultation.ClosesAt)
            throw WorkflowProblem.Conflict("Consultation closed", "The window has reached its deadline; it can no longer be extended.");
        var newClose = request.Until?.ToUniversalTime() ?? consultation.ClosesAt + request.By!.Value;
        if (newClose <= consultation.ClosesAt)
            throw WorkflowProblem.Conflict("Not an extension", $"The window already closes at {consultation.ClosesAt:O}; the new close must be later.");

        var previous = consultation.ClosesAt;
        consultation.ClosesAt = newClose;
        context.Update(consultation);
        context.MoveDeadline(signal.Bookmark, newClose);
        foreach (var reminder in context.OpenBookmarks.Where(b => b.Kind == ConsultationEvents.ReminderBookmark))
        {
            if (ReminderDue(settings, newClose) is { } remindAt && remindAt > context.Now) context.Reschedule(reminder, remindAt);
            else context.DropBookmark(reminder);
        }
        DeadlineCalendar.Move(context, CalendarKey(consultation), consultation.Title, newClose, consultation.Audience, Where(consultation));
        context.Journal(ConsultationEvents.Extended, new JsonObject
        {
            ["consultationId"] = consultation.Id, ["from"] = previous, ["to"] = newClose, ["reason"] = request.Reason,
        });
        return ActivityResult.StaySuspended();
    }

    private static DateTimeOffset? ReminderDue(Settings settings, DateTimeOffset closesAt) =>
        settings.ReminderBefore is { } before && before > TimeSpan.Zero ? closesAt - before : null;

    private static void Mail(ActivityContext context, Consultation consultation, string to, string template, string subject) =>
        context.Enqueue("mail", new JsonObject
        {
            ["to"] = to, ["subject"] = subject, ["template"] = template, ["title"] = consultation.Title,
            ["consultationId"] = consultation.Id, ["closesAt"] = consultation.ClosesAt,
        });
}
