using System.Net;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Approvals.ApprovalTestKit;

namespace FocWorkflows.Server.Tests.Deliberation.Approvals;

public sealed class MajorityVoteTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    // Every member government of the sample directory: 12.
    private static object Vote(double quorum, double threshold = 0.5) =>
        new { title = "Move the 2027 conference to Accra", mode = "majority", audience = "allMembers", window = "P14D", quorum, threshold };

    private static readonly string[] Diplomats =
    [
        "diplomat.ee@foc.example", "diplomat.ch@foc.example", "diplomat.ca@foc.example", "diplomat.gh@foc.example",
        "diplomat.jp@foc.example", "diplomat.cl@foc.example", "diplomat.de@foc.example", "diplomat.fr@foc.example",
        "diplomat.ke@foc.example", "diplomat.nl@foc.example", "diplomat.au@foc.example", "diplomat.us@foc.example",
    ];

    private static DateTimeOffset VoteDeadline => TestApp.Epoch.AddDays(14);

    private async Task CastAsync(string roundId, int from, int count, string kind, string? reason = null)
    {
        foreach (var diplomat in Diplomats.Skip(from).Take(count))
            Assert.True((await _app.RespondAsync(diplomat, roundId, kind, reason)).IsSuccessStatusCode, diplomat);
    }

    [Fact]
    public async Task Majority_QuorumMetAndMoreYes_IsAdoptedAtTheDeadline()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Vote(quorum: 0.5));
        await CastAsync(roundId, 0, 4, "endorse");
        await CastAsync(roundId, 4, 2, "object", "Too expensive.");
        await CastAsync(roundId, 6, 1, "abstain");
        Assert.Null(await _app.EndedAtAsync(instanceId));

        await _app.AdvanceToAsync(VoteDeadline);

        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
        var tally = (await _app.OutputAsync(instanceId))["tally"]!;
        Assert.Equal((12, 7, 4, 2, 1), (tally["audience"]!.GetValue<int>(), tally["responded"]!.GetValue<int>(), tally["yes"]!.GetValue<int>(),
            tally["no"]!.GetValue<int>(), tally["abstain"]!.GetValue<int>()));
        Assert.Equal(ApprovalReason.MajorityInFavour, (await _app.RoundAsync(roundId)).ResultReason);
    }

    [Fact]
    public async Task Majority_QuorumMissed_IsNotAdoptedForNoQuorum()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Vote(quorum: 0.5));
        await CastAsync(roundId, 0, 5, "endorse"); // 5 of 12 < 6

        await _app.AdvanceToAsync(VoteDeadline);

        Assert.Equal("not-adopted", await _app.EndedAtAsync(instanceId));
        Assert.Equal(ApprovalReason.NoQuorum, (await _app.RoundAsync(roundId)).ResultReason);
    }

    [Fact]
    public async Task Majority_ResultCanNoLongerChange_EndsEarlyAdopted()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Vote(quorum: 0.5));
        await CastAsync(roundId, 0, 6, "endorse");
        Assert.Null(await _app.EndedAtAsync(instanceId)); // 6 yes against a possible 6 no is a tie

        await CastAsync(roundId, 6, 1, "endorse");

        Assert.Equal("adopted", await _app.EndedAtAsync(instanceId));
        Assert.Equal(TestApp.Epoch, (await _app.RoundAsync(roundId)).ClosedAt);
    }

    [Fact]
    public async Task Majority_YesCanNoLongerWin_EndsEarlyRejected()
    {
        var (instanceId, roundId) = await _app.OpenRoundAsync(Vote(quorum: 0.5));

        await CastAsync(roundId, 0, 6, "object", "Not now.");

        Assert.Equal("not-adopted", await _app.EndedAtAsync(instanceId));
        Assert.Equal(ApprovalReason.Rejected, (await _app.RoundAsync(roundId)).ResultReason);
        Assert.Equal(6, (await _app.OutputAsync(instanceId))["objections"]!.AsArray().Count);
    }

    [Fact]
    public async Task Majority_NoObjectionIsNotAVote_Is400()
    {
        var (_, roundId) = await _app.OpenRoundAsync(Vote(quorum: 0.5));

        Assert.Equal(HttpStatusCode.BadRequest, (await _app.RespondAsync(Canada, roundId, "noObjection")).StatusCode);
    }
}
