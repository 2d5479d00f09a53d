using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Deliberation.Approvals.ApprovalTestKit;

namespace FocWorkflows.Server.Tests.Deliberation.Approvals;

public sealed class SilenceProcedureTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<(string InstanceId, string RoundId)> OpenSilenceAsync() =>
        _app.OpenRoundAsync(new { title = "Joint statement on Internet shutdowns", mode = "silence", audience = "list", governments = new[] { "CA", "GH", "JP" }, window = "PT72H" });

    [Fact]
    public async Task Open_ListAudience_AsksTheirDiplomatsByInboxAndMail()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();

        var round = await _app.RoundAsync(roundId);
        Assert.Equal(["CA", "GH", "JP"], round.AudienceGovernments);
        Assert.Equal(Deadline, round.Deadline);
        var task = Assert.Single(await _app.TasksAsync(instanceId));
        Assert.Equal($"/api/approvals/{roundId}", task.ResourceHref);
        Assert.Equal(Deadline, task.DueAt);
        var mails = await _app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.InstanceId == instanceId).ToListAsync());
        Assert.Equal(6, mails.Count); // two diplomats per government
        Assert.All(mails, m => Assert.Equal("approval-opened", JsonNode.Parse(m.PayloadJson)!["template"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Deadline_NoObjection_IsAdoptedByEveryMemberThatDidNotObject_TheDissociatedOneApart()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        Assert.Equal(HttpStatusCode.Created, (await _app.RespondAsync(Canada, roundId, "noObjection")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _app.RespondAsync(Japan, roundId, "dissociate", "Our law does not allow us to join paragraph 4.")).StatusCode);

        await _app.AdvanceToAsync(Deadline);

        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
        var output = await _app.OutputAsync(instanceId);
        Assert.Equal("silenceHeld", output["reason"]!.GetValue<string>());
        Assert.Equal(["CA", "GH"], output["signatories"]!.AsArray().Select(s => s!.GetValue<string>())); // Ghana stayed silent: it adopts too
        Assert.Equal(["JP"], output["dissociated"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("Our law does not allow us to join paragraph 4.", output["dissociations"]![0]!["reason"]!.GetValue<string>());
        var round = await _app.RoundAsync(roundId);
        Assert.Equal((ApprovalStatus.Closed, ApprovalResult.Adopted, Deadline), (round.Status, round.Result!.Value, round.ClosedAt!.Value));
        Assert.Equal(["CA", "GH"], round.Signatories);
        var view = await _app.GetRoundAsync(roundId);
        Assert.Equal("JP", view["dissociations"]![0]!["government"]!.GetValue<string>());
        Assert.Equal(1, view["tally"]!["dissociate"]!.GetValue<int>());
    }

    [Fact]
    public async Task Respond_DissociationWithoutAReason_Is400NamingTheReason()
    {
        var (_, roundId) = await OpenSilenceAsync();

        var response = await _app.RespondAsync(Japan, roundId, "dissociate");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadAsync<JsonObject>())["errors"]!["reason"]);
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task Respond_ObjectionOneSecondBeforeTheDeadline_BreaksSilence()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        _app.Clock.SetUtcNow(Deadline.AddSeconds(-1));

        var response = await _app.RespondAsync(Ghana, roundId, "object", "Paragraph 3 overstates the consensus.", "Replace 'all' by 'many'.");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("not-adopted", await _app.EndedAtAsync(instanceId));
        var round = await _app.RoundAsync(roundId);
        Assert.Equal((ApprovalResult.NotAdopted, ApprovalReason.SilenceBroken), (round.Result!.Value, round.ResultReason!.Value));
        var objection = Assert.Single((await _app.OutputAsync(instanceId))["objections"]!.AsArray())!;
        Assert.Equal("GH", objection["government"]!.GetValue<string>());
        Assert.Equal("Replace 'all' by 'many'.", objection["proposedText"]!.GetValue<string>());
        Assert.Equal(0, await _app.Runtime.FireDueTimersAsync(CancellationToken.None)); // nothing left to fire
    }

    [Fact]
    public async Task Respond_AfterTheDeadlineBeforeTheTimerFired_Is409AndWritesNothing()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        var journalBefore = (await _app.JournalAsync(instanceId)).Count;
        _app.Clock.SetUtcNow(Deadline);

        var response = await _app.RespondAsync(Ghana, roundId, "object", "Too late, but still.");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await _app.ResponsesAsync(roundId));
        Assert.Equal(journalBefore, (await _app.JournalAsync(instanceId)).Count);
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
    }

    [Fact]
    public async Task Respond_AfterTheRoundClosed_Is409()
    {
        var (_, roundId) = await OpenSilenceAsync();
        await _app.AdvanceToAsync(Deadline);

        var response = await _app.RespondAsync(Canada, roundId, "noObjection");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task Respond_ChangedResponse_KeepsOneRowAndJournalsThePrevious()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        await _app.RespondAsync(Canada, roundId, "noObjection");

        // The second Canadian diplomat speaks for the same government: it changes Canada's one response.
        var changed = await _app.RespondAsync(Canada2, roundId, "endorse", "Fully supportive.");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var row = Assert.Single(await _app.ResponsesAsync(roundId));
        Assert.Equal((ResponseKind.Endorse, 1, Canada2), (row.Kind, row.Revision, row.By));
        var entry = Assert.Single(await _app.EventsAsync(instanceId, ApprovalResponding.Changed));
        var details = JsonNode.Parse(entry.DetailsJson!)!;
        Assert.Equal(("CA", "noObjection", "endorse"), (details["government"]!.GetValue<string>(), details["previous"]!.GetValue<string>(), details["kind"]!.GetValue<string>()));
        Assert.Equal(Canada2, entry.Actor);
        Assert.Single(await _app.EventsAsync(instanceId, ApprovalResponding.Recorded));
    }

    [Fact]
    public async Task Respond_MemberOutsideTheAudience_Is403AndWritesNothing()
    {
        var (_, roundId) = await OpenSilenceAsync();

        var fromKenya = await _app.RespondAsync(Kenya, roundId, "object", "Not consulted.");
        var fromAdvisor = await _app.RespondAsync(People.Advisor, roundId, "noObjection");

        Assert.Equal(HttpStatusCode.Forbidden, fromKenya.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromAdvisor.StatusCode);
        Assert.Empty(await _app.ResponsesAsync(roundId));
        Assert.Equal(ApprovalStatus.Open, (await _app.RoundAsync(roundId)).Status);
    }

    [Theory]
    [InlineData("object", null)]
    [InlineData("object", "   ")]
    [InlineData("signOn", null)]
    [InlineData("maybe", null)]
    public async Task Respond_InvalidResponse_Is400AndWritesNothing(string kind, string? reason)
    {
        var (_, roundId) = await OpenSilenceAsync();

        var response = await _app.RespondAsync(Ghana, roundId, kind, reason);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task Respond_SecretariatOnBehalfOfADiplomat_RecordsBoth()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();

        var response = await _app.RespondAsync(People.Secretariat, roundId, "noObjection", onBehalfOf: Japan);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var row = Assert.Single(await _app.ResponsesAsync(roundId));
        Assert.Equal(("JP", People.Secretariat, Japan), (row.Government, row.By, row.OnBehalfOf));
        var entry = Assert.Single(await _app.EventsAsync(instanceId, ApprovalResponding.Recorded));
        Assert.Equal((People.Secretariat, Japan), (entry.Actor, entry.OnBehalfOf));
    }

    [Fact]
    public async Task Extend_ByTheChair_MovesTheDeadlineAndIsJournaled()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();

        var response = await _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/approvals/{roundId}/extend", new { by = "PT24H", reason = "Capitals need another day." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extended = Deadline.AddHours(24);
        Assert.Equal(extended, (await _app.RoundAsync(roundId)).Deadline);
        var entry = Assert.Single(await _app.EventsAsync(instanceId, "approval-extended"));
        Assert.Equal(People.Chair, entry.Actor);
        Assert.Contains("Capitals need another day.", entry.DetailsJson);

        await _app.AdvanceToAsync(Deadline);
        Assert.Equal(HttpStatusCode.Created, (await _app.RespondAsync(Ghana, roundId, "object", "Now we object.")).StatusCode);
        Assert.Equal("not-adopted", await _app.EndedAtAsync(instanceId));
    }

    [Fact]
    public async Task Extend_MovesTheDueTimeOfTheDiplomatsInboxTask()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        Assert.Equal(Deadline, Assert.Single(await _app.TasksAsync(instanceId)).DueAt);

        await _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/approvals/{roundId}/extend", new { by = "PT24H", reason = "Capitals need another day." });

        Assert.Equal(Deadline.AddHours(24), Assert.Single(await _app.TasksAsync(instanceId)).DueAt);
    }

    [Fact]
    public async Task Extend_ExtendedRound_ClosesAtTheNewDeadlineOnly()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();
        var until = Deadline.AddDays(2);
        await _app.ClientAs(People.Secretariat).PostAsJsonAsync($"/api/approvals/{roundId}/extend", new { until, reason = "Holiday." });

        await _app.AdvanceToAsync(Deadline);
        Assert.Null(await _app.EndedAtAsync(instanceId));
        await _app.AdvanceToAsync(until);
        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
    }

    [Fact]
    public async Task Extend_ByAMemberOrBackwards_IsRefused()
    {
        var (instanceId, roundId) = await OpenSilenceAsync();

        var byMember = await _app.ClientAs(Canada).PostAsJsonAsync($"/api/approvals/{roundId}/extend", new { by = "PT24H", reason = "Please." });
        var backwards = await _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/approvals/{roundId}/extend", new { until = Deadline.AddHours(-1), reason = "Shorter." });
        var noReason = await _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/approvals/{roundId}/extend", new { by = "PT24H" });

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(Deadline, (await _app.RoundAsync(roundId)).Deadline);
        Assert.Empty(await _app.EventsAsync(instanceId, "approval-extended"));
    }

    [Fact]
    public async Task Get_ShowsTheDeadlineInTheCallersTimeZoneAndGovernmentNames()
    {
        var (_, roundId) = await OpenSilenceAsync();
        await _app.RespondAsync(Ghana, roundId, "object", "Paragraph 3.");

        var fromTokyo = await _app.GetRoundAsync(roundId, Japan);

        Assert.Equal("Asia/Tokyo", fromTokyo["timeZone"]!.GetValue<string>());
        Assert.Equal(Deadline, fromTokyo["deadline"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TimeSpan.FromHours(9), fromTokyo["deadlineLocal"]!.GetValue<DateTimeOffset>().Offset);
        Assert.Equal(Deadline, fromTokyo["deadlineLocal"]!.GetValue<DateTimeOffset>());
        Assert.Equal(("closed", "notAdopted", "silenceBroken"), (fromTokyo["status"]!.GetValue<string>(), fromTokyo["result"]!.GetValue<string>(), fromTokyo["reason"]!.GetValue<string>()));
        var response = Assert.Single(fromTokyo["responses"]!.AsArray())!;
        Assert.Equal("Ghana", response["governmentName"]!.GetValue<string>());
        Assert.Equal(1, fromTokyo["tally"]!["object"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_UnknownRound_Is404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _app.ClientAs(People.Chair).GetAsync("/api/approvals/nope")).StatusCode);
}
