using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <summary>
/// A step's deadline as an entry in the calendars of the people who must act: put there when the
/// step opens, moved when the deadline is extended, cancelled when the step closes early, and left
/// in place once the deadline has passed.
/// </summary>
internal static class DeadlineCalendar
{
    public static string Key(string resource, string id) => $"{resource}:{id}:deadline";

    public static void Put(ActivityContext context, string key, string title, DateTimeOffset deadline, IEnumerable<string> emails, string where) =>
        context.ScheduleEvent(CalendarEntry.Deadline(key, $"Deadline: {title}",
            $"<p>{System.Net.WebUtility.HtmlEncode(title)} closes at this time.</p>", deadline, [.. emails.Select(e => (e, ""))], link: where));

    public static void Move(ActivityContext context, string key, string title, DateTimeOffset deadline, IEnumerable<string> emails, string where)
    {
        if (context.HasEvent(key)) Put(context, key, title, deadline, emails, where);
    }

    public static void Withdraw(ActivityContext context, string key, string reason) => context.CancelEvent(key, reason);

    public static void Passed(ActivityContext context, string key) => context.ForgetEvent(key);
}
