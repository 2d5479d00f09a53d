using System.Net;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

public sealed class ConsultationWindowTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Open_AdvisoryNetworkAudience_MailsEachAdvisorAndWaitsOnTheDeadline()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);

        var consultation = await _app.ConsultationAsync(consultationId);
        Assert.Equal(Advisors.Order(), consultation.Audience.Order());
        Assert.Equal(TestApp.Epoch.AddDays(14), consultation.ClosesAt);
        Assert.Equal(2, consultation.DraftVersion);
        var mails = await _app.MailsAsync(instanceId);
        Assert.Equal(Advisors.Order(), mails.Select(m => m.To()).Order());
        Assert.All(mails, m => Assert.Equal("consultation-opened", m.Template()));
        var task = Assert.Single(await _app.TasksAsync(instanceId));
        Assert.Equal($"/api/consultations/{consultationId}", task.ResourceHref);
    }

    [Fact]
    public async Task Deadline_ReachedOnTheFakeClock_ClosesTheWindowAndCompletesTheStep()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        Assert.Equal(HttpStatusCode.Created, (await _app.CommentAsync(AdvisorUni, consultationId, "Define 'high-risk'.")).StatusCode);

        _app.Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        Assert.Equal(ConsultationStatus.Open, (await _app.ConsultationAsync(consultationId)).Status);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);

        var consultation = await _app.ConsultationAsync(consultationId);
        Assert.Equal(ConsultationStatus.Closed, consultation.Status);
        Assert.Equal(TestApp.Epoch.AddDays(14), consultation.ClosedAt);
        var closed = (await _app.JournalAsync(instanceId)).Single(j => j.Event == ConsultationEvents.Closed);
        Assert.Equal(1, closed.Details()["comments"]!.GetValue<int>());
        Assert.Contains("consult", await _app.CompletedNodesAsync(instanceId));
        Assert.Equal(1, (await _app.StateAsync(instanceId)).Outputs["consult"]!["comments"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reminder_WhenDue_GoesOnlyToThoseWhoHaveNotCommented()
    {
        var (instanceId, consultationId) = await OpenAsync(_app, reminderBefore: "P2D");
        await _app.CommentAsync(AdvisorAccess, consultationId, "Paragraph 1 is too vague.");
        await _app.CommentAsync(AdvisorTech, consultationId, "Cite the UN Guiding Principles.", paragraph: 3);

        _app.Clock.Advance(TimeSpan.FromDays(12));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);

        var reminders = (await _app.MailsAsync(instanceId)).Where(m => m.Template() == "consultation-reminder").Select(m => m.To()).Order();
        Assert.Equal(new[] { AdvisorAi, AdvisorUni }.Order(), reminders);
        var sent = (await _app.JournalAsync(instanceId)).Single(j => j.Event == ConsultationEvents.RemindersSent);
        Assert.Equal(2, sent.Details()["count"]!.GetValue<int>());
        Assert.Equal(ConsultationStatus.Open, (await _app.ConsultationAsync(consultationId)).Status);
        var bookmark = Assert.Single(await _app.BookmarksAsync(instanceId));
        Assert.Equal(ConsultationEvents.DeadlineBookmark, bookmark.Kind);
    }

    [Fact]
    public async Task Comment_AfterTheDeadline_Is409AndWritesNothing()
    {
        var (_, consultationId) = await OpenAsync(_app);
        _app.Clock.Advance(TimeSpan.FromDays(14)); // the timer has not even fired yet: the deadline itself decides

        var late = await _app.CommentAsync(AdvisorUni, consultationId, "Too late?");
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        var afterClose = await _app.CommentAsync(AdvisorUni, consultationId, "Still too late.");

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Comment_FromOutsideTheAudience_Is403AndWritesNothing()
    {
        var (_, consultationId) = await OpenAsync(_app);

        var response = await _app.CommentAsync(Outsider, consultationId, "Let me in.");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Comment_WithoutParagraphOrText_Is400KeyedByField()
    {
        var (_, consultationId) = await OpenAsync(_app);

        var response = await _app.PostAsync(AdvisorUni, $"/api/consultations/{consultationId}/comments", new { paragraph = 0, text = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("paragraph") && errors.ContainsKey("text"));
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }

    [Fact]
    public async Task Close_ByTheChairWithAReason_ClosesEarlyAndJournalsActorAndReason()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        _app.Clock.Advance(TimeSpan.FromDays(3));

        var response = await _app.PostAsync(People.Chair, $"/api/consultations/{consultationId}/close", new { reason = "Consensus reached early." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consultation = await _app.ConsultationAsync(consultationId);
        Assert.Equal((ConsultationStatus.Closed, People.Chair, "Consensus reached early."), (consultation.Status, consultation.ClosedBy, consultation.CloseReason));
        var closed = (await _app.JournalAsync(instanceId)).Single(j => j.Event == ConsultationEvents.Closed);
        Assert.Equal(People.Chair, closed.Actor);
        Assert.Equal("Consensus reached early.", closed.Details()["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await _app.CommentAsync(AdvisorUni, consultationId, "After close")).StatusCode);
    }

    [Fact]
    public async Task Close_WithoutReasonOrByAnAdvisor_IsRefusedAndTheWindowStaysOpen()
    {
        var (_, consultationId) = await OpenAsync(_app);

        var noReason = await _app.PostAsync(People.Chair, $"/api/consultations/{consultationId}/close", new { reason = "" });
        var advisor = await _app.PostAsync(AdvisorUni, $"/api/consultations/{consultationId}/close", new { reason = "I am done." });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, advisor.StatusCode);
        Assert.Equal(ConsultationStatus.Open, (await _app.ConsultationAsync(consultationId)).Status);
    }

    [Fact]
    public async Task Extend_ByAPenHolder_MovesTheDeadlineAndReminderAndJournalsIt()
    {
        var (instanceId, consultationId) = await OpenAsync(_app, reminderBefore: "P1D");

        var response = await _app.PostAsync(PenHolderNl, $"/api/consultations/{consultationId}/extend", new { by = "P7D", reason = "Holiday season." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newClose = TestApp.Epoch.AddDays(21);
        Assert.Equal(newClose, (await _app.ConsultationAsync(consultationId)).ClosesAt);
        var bookmarks = (await _app.BookmarksAsync(instanceId)).ToDictionary(b => b.Kind, b => b.DueAt);
        Assert.Equal(newClose, bookmarks[ConsultationEvents.DeadlineBookmark]);
        Assert.Equal(newClose.AddDays(-1), bookmarks[ConsultationEvents.ReminderBookmark]);
        var extended = (await _app.JournalAsync(instanceId)).Single(j => j.Event == ConsultationEvents.Extended);
        Assert.Equal(PenHolderNl, extended.Actor);
        Assert.Equal("Holiday season.", extended.Details()["reason"]!.GetValue<string>());
        Assert.Equal(TestApp.Epoch.AddDays(14), extended.Details()["from"]!.GetValue<DateTimeOffset>());

        _app.Clock.Advance(TimeSpan.FromDays(15)); // past the old deadline: still open
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        Assert.Equal(HttpStatusCode.Created, (await _app.CommentAsync(AdvisorUni, consultationId, "Thanks for the extra week.")).StatusCode);
        _app.Clock.Advance(TimeSpan.FromDays(6));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        Assert.Equal(ConsultationStatus.Closed, (await _app.ConsultationAsync(consultationId)).Status);
    }

    [Fact]
    public async Task Extend_MovesTheDueTimeOfTheAudiencesInboxTask()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        Assert.Equal(TestApp.Epoch.AddDays(14), Assert.Single(await _app.TasksAsync(instanceId)).DueAt);

        await _app.PostAsync(People.CoChair, $"/api/consultations/{consultationId}/extend", new { by = "P3D", reason = "More advisors asked to join." });

        var task = Assert.Single(await _app.TasksAsync(instanceId));
        Assert.Equal(TestApp.Epoch.AddDays(17), task.DueAt);
        Assert.Equal(HumanTaskStatus.Open, task.Status);
    }

    [Fact]
    public async Task Extend_ToAnEarlierTime_Is409AndChangesNothing()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);

        var response = await _app.PostAsync(People.CoChair, $"/api/consultations/{consultationId}/extend",
            new { until = TestApp.Epoch.AddDays(10), reason = "Shorten it." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(TestApp.Epoch.AddDays(14), (await _app.ConsultationAsync(consultationId)).ClosesAt);
        Assert.DoesNotContain(await _app.JournalAsync(instanceId), j => j.Event == ConsultationEvents.Extended);
    }

    [Fact]
    public async Task Get_AsTheSecretariat_ListsWhoHasNotCommented()
    {
        var (_, consultationId) = await OpenAsync(_app);
        await _app.CommentAsync(AdvisorAi, consultationId, "Looks good.");

        var asSecretariat = await (await _app.ClientAs(People.Secretariat).GetAsync($"/api/consultations/{consultationId}")).JsonAsync();
        var asAdvisor = await (await _app.ClientAs(AdvisorUni).GetAsync($"/api/consultations/{consultationId}")).JsonAsync();

        Assert.Equal(1, asSecretariat["commentCount"]!.GetValue<int>());
        Assert.Equal(4, asSecretariat["audienceCount"]!.GetValue<int>());
        Assert.Equal(new[] { AdvisorAccess, AdvisorTech, AdvisorUni }.Order(),
            asSecretariat["notYetCommented"]!.AsArray().Select(e => e!.GetValue<string>()).Order());
        Assert.False(asAdvisor.ContainsKey("notYetCommented"));
    }
}
