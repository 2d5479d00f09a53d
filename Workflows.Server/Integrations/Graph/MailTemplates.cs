namespace FocWorkflows.Server.Integrations.Graph;

/// <summary>
/// The built-in mails that activities ask for by name, rendered at delivery (so "closes 3 days from
/// now" is true when the mail leaves). Liquid sees the message's payload as <c>input</c> and
/// <c>vars.link</c>, <c>vars.name</c>, <c>vars.deadline</c> (the deadline in the reader's zone and
/// culture) and <c>vars.deadlineAt</c> (the moment, for <c>humanize</c>).
/// </summary>
internal static class MailTemplates
{
    public sealed record Template(string Subject, string Body, string DeadlineField, string? LinkPath);

    private const string Greeting = "<p>Dear {{ vars.name }},</p>";
    private const string Signature = "<p>The Freedom Online Coalition Support Unit</p>";

    public static readonly IReadOnlyDictionary<string, Template> All = new Dictionary<string, Template>(StringComparer.OrdinalIgnoreCase)
    {
        ["consultation-opened"] = new(
            "Consultation open: {{ input.title | default: 'a draft for your comments' }}",
            Greeting + "<p>The consultation on <strong>{{ input.title | default: 'a draft' }}</strong> is open for your comments. "
                + "It closes {{ vars.deadlineAt | humanize }} ({{ vars.deadline }}).</p>"
                + "<p><a href=\"{{ vars.link }}\">Read the draft and comment</a></p>" + Signature,
            "closesAt", "consultations"),
        ["consultation-reminder"] = new(
            "Reminder: the consultation closes {{ vars.deadlineAt | humanize }}",
            Greeting + "<p>We have not yet received your comments on <strong>{{ input.title | default: 'the draft' }}</strong>. "
                + "The consultation closes {{ vars.deadlineAt | humanize }} ({{ vars.deadline }}).</p>"
                + "<p><a href=\"{{ vars.link }}\">Comment now</a></p>" + Signature,
            "closesAt", "consultations"),
        ["approval-opened"] = new(
            "Approval requested: {{ input.title | default: 'a text of the Coalition' }}",
            Greeting + "<p>Your government is asked to approve <strong>{{ input.title | default: 'a text' }}</strong>. "
                + "Responses close {{ vars.deadlineAt | humanize }} ({{ vars.deadline }}).</p>"
                + "<p><a href=\"{{ vars.link }}\">Respond</a></p>" + Signature,
            "deadline", "approvals"),
    };
}
