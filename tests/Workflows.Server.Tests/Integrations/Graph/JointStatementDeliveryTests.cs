using System.Globalization;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Deliberation.Workflows;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

/// <summary>
/// The joint statement's Advisory Network consultation as Outlook sees it: the real Graph SDK over
/// real HTTP against a local fake Graph.
/// </summary>
public sealed class JointStatementDeliveryTests : IDisposable
{
    private static readonly string[] Advisors =
        ["advisor.ai@foc.example", "advisor.access@foc.example", "advisor.uni@foc.example", "advisor.tech@foc.example"];

    private readonly GraphFake _graph = new(standardWorkflows: true, messagesPerMinute: 10_000);
    private readonly Deliberator _d;

    public JointStatementDeliveryTests()
    {
        _graph.SendMailAnswers((202, null));
        _d = new Deliberator(_graph.App);
    }

    public void Dispose() => _graph.Dispose();

    [Fact]
    public async Task Consultation_InvitesEachAdvisorWithALink_RemindsOnlyTheSilent_AndKeepsTheDeadlineInCalendars()
    {
        await ReachTheAdvisoryNetworkConsultationAsync();
        var consultation = await _d.ResourceIdAsync("an-consult");
        await DeliverAllAsync();

        // An invitation to each advisor, each with a link that opens this consultation for them alone.
        // Each in their language: Tomás (Buenos Aires) reads Spanish, the others English.
        var invitations = MailsTo(Advisors, "Consultation open", "Consulta abierta");
        Assert.Equal(Advisors.Order(), invitations.Keys.Order());
        Assert.Contains("Leer el borrador y comentar", invitations["advisor.uni@foc.example"]);
        var links = _graph.App.Services.GetRequiredService<AdvisorLinks>();
        foreach (var (advisor, body) in invitations)
        {
            var token = System.Text.RegularExpressions.Regex.Match(body, @"/consultations/" + consultation + @"\?token=([A-Za-z0-9_\-]+)").Groups[1].Value;
            var grant = links.Validate(token, out var problem);
            Assert.True(grant is not null, problem);
            Assert.Equal((advisor, consultation), (grant.Email, grant.ConsultationId));
        }

        // The deadline sits in the advisors' calendars, created once, idempotently.
        var created = _graph.Requests("/events").Select(GraphFake.BodyOf).Where(b => b["subject"]!.GetValue<string>().Contains("Advisory Network consultation")).ToList();
        var deadline = Assert.Single(created);
        Assert.False(string.IsNullOrEmpty(deadline["transactionId"]?.GetValue<string>()));
        Assert.Equal(Advisors.Order(), deadline["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()).Order());

        // Two advisors comment; the reminder, three days before the close, goes to the other two only.
        await _d.CommentAsync(consultation, Advisors[0], 1, "Mention due diligence.");
        await _d.CommentAsync(consultation, Advisors[1], 2, "Add accessibility.");
        await _d.PassAsync(TimeSpan.FromDays(18));
        await DeliverAllAsync();
        Assert.Equal(Advisors[2..].Order(), MailsTo(Advisors, "Reminder", "Recordatorio").Keys.Order());

        // The chair extends by a week: the calendar entry moves.
        var extended = await _graph.App.ClientAs(People.Chair).PostAsync($"/api/consultations/{consultation}/extend",
            ApiHttp.JsonBody(new { by = "P7D", reason = "More time for the Advisory Network." }));
        Assert.True(extended.IsSuccessStatusCode, await extended.Content.ReadAsStringAsync());
        await DeliverAllAsync();
        var update = GraphFake.BodyOf(Assert.Single(_graph.Requests($"/events/{GraphFake.EventId}", "PATCH")));
        Assert.Equal(TestApp.Epoch.AddDays(14 + 21 + 7), DateTimeOffset.Parse(update["end"]!["dateTime"]!.GetValue<string>() + "Z", CultureInfo.InvariantCulture));
    }

    private async Task ReachTheAdvisoryNetworkConsultationAsync()
    {
        await _d.LaunchAsync("joint-statement", new { taskForceId = "ai-and-human-rights", title = "Joint Statement on AI and Human Rights" });
        await _d.SubmitDraftAsync("draft", People.CoChair, "States should protect rights.\n\nCompanies should respect rights.");
        await _d.PassAsync(TimeSpan.FromDays(14));
        await _d.SubmitDraftAsync("revise", People.CoChair, "States must protect rights.\n\nCompanies should respect rights.");
    }

    private async Task DeliverAllAsync()
    {
        while (await _graph.DispatchAsync() > 0) { }
    }

    /// <summary>The bodies of the mails sent to these people whose subject contains one of the texts, by recipient.</summary>
    private Dictionary<string, string> MailsTo(IEnumerable<string> people, params string[] subjects)
    {
        var wanted = people.ToHashSet();
        return _graph.Requests("/sendMail").Select(GraphFake.BodyOf)
            .Select(b => b["message"]!)
            .Where(m => subjects.Any(m["subject"]!.GetValue<string>().Contains))
            .Select(m => (To: m["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>(), Body: m["body"]!["content"]!.GetValue<string>()))
            .Where(m => wanted.Contains(m.To))
            .ToDictionary(m => m.To, m => m.Body);
    }
}
