using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Deliberation.Approvals.ApprovalTestKit;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Deliberation;

/// <summary>A chair takes a text back from a round or a consultation: the step ends Withdrawn and everyone involved is told.</summary>
public sealed class WithdrawalTests : IDisposable
{
    private const string Title = "Joint statement on Internet shutdowns";
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>start → the step → adopted / done | withdrawn, each an end of its own so the journal shows the way taken.</summary>
    private async Task<string> StartAsync(string type, object settings, string doneOutcome)
    {
        var id = "withdrawal-" + Guid.NewGuid().ToString("N")[..8];
        await _app.PublishAsync(Define(id).Input("taskForceId").Start().Node("step", type, settings).End("done").End("withdrawn")
            .Connect("start", "step").Connect("step", "done", doneOutcome).Connect("step", "withdrawn", "Withdrawn").Build());
        return (await _app.Runtime.StartAsync(new StartRequest(id, null, new JsonObject { ["taskForceId"] = "ai-and-human-rights" }, People.Chair),
            CancellationToken.None)).Instance.Id;
    }

    private async Task<List<string>> MailsAsync(string instanceId, string template) =>
        [.. (await _app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.InstanceId == instanceId && m.Kind == "mail").ToListAsync()))
            .Select(m => JsonNode.Parse(m.PayloadJson)!).Where(p => p["template"]?.GetValue<string>() == template).Select(p => p["to"]!.GetValue<string>())];

    [Fact]
    public async Task WithdrawRound_ByTheChair_EndsItWithdrawn_TellsTheAudienceAndThePenHolders_AndRefusesLaterResponses()
    {
        var instanceId = await StartAsync(ApprovalRoundActivity.Type,
            new { title = Title, mode = "silence", audience = "list", governments = new[] { "CA", "GH" }, window = "PT72H" }, "Adopted");
        var roundId = (await _app.QueryAsync(db => db.Set<ApprovalRound>().AsNoTracking().SingleAsync(r => r.InstanceId == instanceId))).Id;
        await _app.RespondAsync(Canada, roundId, "noObjection");

        var response = await _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/approvals/{roundId}/withdraw", new { reason = "Capitals asked for more time." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("withdrawn", (await response.ReadAsync<JsonObject>())["result"]!.GetValue<string>());
        var round = await _app.RoundAsync(roundId);
        Assert.Equal((ApprovalResult.Withdrawn, People.Chair, "Capitals asked for more time."), (round.Result!.Value, round.ClosedBy, round.CloseReason));
        Assert.Contains("withdrawn", await _app.CompletedNodesAsync(instanceId));
        var told = await MailsAsync(instanceId, "approval-withdrawn");
        Assert.Contains(Canada, told);
        Assert.Contains(Ghana, told);
        Assert.Contains(People.CoChair, told); // a pen-holder of the task force
        Assert.Equal(told.Count, told.Distinct().Count());
        var line = Assert.Single(await _app.EventsAsync(instanceId, "approval-withdrawn"));
        Assert.Equal(People.Chair, line.Actor);
        Assert.Equal(HttpStatusCode.Conflict, (await _app.RespondAsync(Ghana, roundId, "object", "Too late.")).StatusCode);
    }

    [Fact]
    public async Task WithdrawRound_ByADiplomatOrWithoutAReason_IsRefusedAndChangesNothing()
    {
        var instanceId = await StartAsync(ApprovalRoundActivity.Type,
            new { title = Title, mode = "silence", audience = "list", governments = new[] { "CA", "GH" }, window = "PT72H" }, "Adopted");
        var roundId = (await _app.QueryAsync(db => db.Set<ApprovalRound>().AsNoTracking().SingleAsync(r => r.InstanceId == instanceId))).Id;

        var byDiplomat = await _app.ClientAs(Canada).PostAsJsonAsync($"/api/approvals/{roundId}/withdraw", new { reason = "We prefer not." });
        var noReason = await _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/approvals/{roundId}/withdraw", new { reason = "  " });

        Assert.Equal(HttpStatusCode.Forbidden, byDiplomat.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadAsync<JsonObject>())["errors"]!["reason"]);
        Assert.Equal(ApprovalStatus.Open, (await _app.RoundAsync(roundId)).Status);
        Assert.Empty(await _app.EventsAsync(instanceId, "approval-withdrawn"));
    }

    [Fact]
    public async Task WithdrawConsultation_ByTheSecretariat_EndsItWithdrawn_KeepsItsComments_AndRefusesNewOnes()
    {
        var instanceId = await StartAsync(ConsultationActivity.Type,
            new { title = "Draft statement on AI", audience = "advisoryNetwork", window = "P14D" }, "Done");
        var consultationId = (await _app.QueryAsync(db => db.Set<Consultation>().AsNoTracking().SingleAsync(c => c.InstanceId == instanceId))).Id;
        Assert.Equal(HttpStatusCode.Created, (await _app.ClientAs("advisor.uni@foc.example")
            .PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 1, text = "Define AI." })).StatusCode);

        var response = await _app.ClientAs(People.Secretariat).PostAsJsonAsync($"/api/consultations/{consultationId}/withdraw",
            new { reason = "The task force will redraft first." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("withdrawn", (await response.ReadAsync<JsonObject>())["status"]!.GetValue<string>());
        Assert.Contains("withdrawn", await _app.CompletedNodesAsync(instanceId));
        Assert.Contains("advisor.uni@foc.example", await MailsAsync(instanceId, "consultation-withdrawn"));
        Assert.Single(await _app.EventsAsync(instanceId, ConsultationEvents.Withdrawn));
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<Comment>().CountAsync(c => c.ConsultationId == consultationId)));
        Assert.Equal(HttpStatusCode.Conflict, (await _app.ClientAs("advisor.tech@foc.example")
            .PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 1, text = "Late." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.ClientAs("diplomat.nl@foc.example")
            .PostAsJsonAsync($"/api/consultations/{consultationId}/withdraw", new { reason = "Pen-holders close or extend, chairs withdraw." })).StatusCode);
    }
}
