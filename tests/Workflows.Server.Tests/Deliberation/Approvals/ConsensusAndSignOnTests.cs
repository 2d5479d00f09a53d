using System.Net;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Approvals.ApprovalTestKit;

namespace FocWorkflows.Server.Tests.Deliberation.Approvals;

public sealed class ConsensusAndSignOnTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private static object Settings(string mode) =>
        new { title = "Statement on AI and human rights", mode, audience = "list", governments = new[] { "CA", "GH", "JP" }, window = "PT72H" };

    [Fact]
    public async Task Consensus_OneObjection_BlocksAtOnce()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Settings("consensus"));
        await _app.RespondAsync(Canada, roundId, "endorse");

        await _app.RespondAsync(Japan, roundId, "object", "Cannot accept section 2.");

        Assert.Equal("not-adopted", await _app.EndedAtAsync(instanceId));
        Assert.Equal(ApprovalReason.Blocked, (await _app.RoundAsync(roundId)).ResultReason);
    }

    [Fact]
    public async Task Consensus_EveryGovernmentAgrees_IsAdoptedBeforeTheDeadline()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Settings("consensus"));
        await _app.RespondAsync(Canada, roundId, "endorse");
        await _app.RespondAsync(Ghana, roundId, "noObjection");
        Assert.Null(await _app.EndedAtAsync(instanceId));

        await _app.RespondAsync(Japan, roundId, "endorse");

        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
        var round = await _app.RoundAsync(roundId);
        Assert.Equal((ApprovalReason.ConsensusReached, TestApp.Epoch), (round.ResultReason!.Value, round.ClosedAt!.Value));
        Assert.Equal(["CA", "GH", "JP"], round.Signatories);
    }

    [Fact]
    public async Task Consensus_AGovernmentSilentAtTheDeadline_HasNoConsensus()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Settings("consensus"));
        await _app.RespondAsync(Canada, roundId, "endorse");
        await _app.RespondAsync(Ghana, roundId, "endorse");

        await _app.AdvanceToAsync(Deadline);

        Assert.Equal("not-adopted", await _app.EndedAtAsync(instanceId));
        Assert.Equal(ApprovalReason.NoConsensus, (await _app.RoundAsync(roundId)).ResultReason);
    }

    [Fact]
    public async Task SignOn_WithAWithdrawal_PublishesExactlyTheRemainingSignatories()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Settings("signOn"));
        await _app.RespondAsync(Canada, roundId, "signOn");
        await _app.RespondAsync(Ghana, roundId, "signOn");
        _app.Clock.SetUtcNow(Deadline.AddHours(-2));
        var withdrawal = await _app.RespondAsync(Ghana, roundId, "withdraw", "Instructions from capital.");

        await _app.AdvanceToAsync(Deadline);

        Assert.Equal(HttpStatusCode.OK, withdrawal.StatusCode);
        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
        var output = await _app.OutputAsync(instanceId);
        Assert.Equal(["CA"], output["signatories"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("signed", output["reason"]!.GetValue<string>());
        Assert.Equal(["CA"], (await _app.RoundAsync(roundId)).Signatories);
        Assert.Single(await _app.EventsAsync(instanceId, ApprovalResponding.Changed));
    }

    [Fact]
    public async Task SignOn_EveryGovernmentSigned_EndsEarly_ListingThemInTheOrderTheySigned()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Settings("signOn"));

        foreach (var diplomat in new[] { Japan, Canada, Ghana })
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(5));
            await _app.RespondAsync(diplomat, roundId, "signOn");
        }

        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
        Assert.Equal(["JP", "CA", "GH"], (await _app.RoundAsync(roundId)).Signatories);
        Assert.Equal(["JP", "CA", "GH"], (await _app.OutputAsync(instanceId))["signatories"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Consensus_Dissociation_IsASilenceResponseOnly_Is400()
    {
        var (_, roundId) = await _app.OpenRoundAsync(Settings("consensus"));

        var response = await _app.RespondAsync(Canada, roundId, "dissociate", "We cannot join.");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task SignOn_NobodySigned_IsNotAdoptedForLackOfSignatories()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Settings("signOn"));

        await _app.AdvanceToAsync(Deadline);

        Assert.Equal("not-adopted", await _app.EndedAtAsync(instanceId));
        Assert.Equal(ApprovalReason.NoSignatories, (await _app.RoundAsync(roundId)).ResultReason);
    }

    [Fact]
    public async Task SignOn_ObjectionIsNotASignOnResponse_Is400()
    {
        var (_, roundId) = await _app.OpenRoundAsync(Settings("signOn"));

        var response = await _app.RespondAsync(Canada, roundId, "object", "No.");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _app.ResponsesAsync(roundId));
    }

    [Fact]
    public async Task Consensus_TaskForceAudience_AsksTheTaskForcesGovernmentsOnly()
    {
        var (_, roundId) = await _app.OpenRoundAsync(
            new { title = "Shutdowns statement", mode = "consensus", audience = "taskForceMembers", window = "P7D" }, taskForceId: "internet-shutdowns");

        Assert.Equal(["AU", "CH", "CL", "GH", "KE", "US"], (await _app.RoundAsync(roundId)).AudienceGovernments);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.RespondAsync(Canada, roundId, "endorse")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _app.RespondAsync(Kenya, roundId, "endorse")).StatusCode);
    }
}
