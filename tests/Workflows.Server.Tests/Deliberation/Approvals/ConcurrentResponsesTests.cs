using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Deliberation.Approvals;

public class ConcurrentResponsesTests : DatabaseSuite
{
    // The 12 sample governments plus 30 more make the coalition's 42.
    private static readonly string[] MoreGovernments =
    [
        "AR", "AT", "BE", "BG", "CR", "CZ", "DK", "FI", "GE", "GT", "IE", "IL", "IT", "LV", "LT",
        "LU", "MV", "MX", "MD", "MN", "NZ", "NO", "PL", "PT", "ES", "SE", "TN", "UA", "GB", "UY",
    ];

    private static readonly (string Code, string Diplomat)[] SampleGovernments =
    [
        ("EE", "diplomat.ee@foc.example"), ("CH", "diplomat.ch@foc.example"), ("CA", "diplomat.ca@foc.example"),
        ("GH", "diplomat.gh@foc.example"), ("JP", "diplomat.jp@foc.example"), ("CL", "diplomat.cl@foc.example"),
        ("DE", "diplomat.de@foc.example"), ("FR", "diplomat.fr@foc.example"), ("KE", "diplomat.ke@foc.example"),
        ("NL", "diplomat.nl@foc.example"), ("AU", "diplomat.au@foc.example"), ("US", "diplomat.us@foc.example"),
    ];

    [Fact]
    public async Task Respond_42GovernmentsAtOnce_NoneLostTallyExactEachJournaledOnce()
    {
        // Arrange: 30 more governments with one diplomat each, then a majority vote of all 42 with a full quorum, so only the last answer, whichever it is, can decide it.
        await App.QueryAsync(db =>
        {
            db.Set<Government>().AddRange(MoreGovernments.Select(code => new Government { Code = code, Name = $"Government {code}" }));
            db.Set<Person>().AddRange(MoreGovernments.Select(code => new Person
            {
                Id = $"diplomat.{code.ToLowerInvariant()}", Name = $"Diplomat of {code}", Email = Email(code), Government = code, Roles = [Roles.Member],
            }));
            return db.SaveChangesAsync();
        });
        var voters = SampleGovernments.Concat(MoreGovernments.Select(code => (Code: code, Diplomat: Email(code)))).ToArray();
        var (instanceId, roundId) = await App.OpenRoundAsync(new
        {
            title = "Programme of the Freedom Online Conference", mode = "majority", audience = "list",
            governments = voters.Select(v => v.Code).ToArray(), until = TestApp.Epoch.AddDays(30), quorum = 1.0,
        });
        // 30 yes, 6 no, 6 abstain: no order of arrival can reject it early, and without all 42 there is no quorum.
        string KindOf(int i) => (i % 7) switch { 1 => "object", 2 => "abstain", _ => "endorse" };

        // Act
        var responses = await Task.WhenAll(voters.Select((v, i) => Task.Run(() =>
            App.RespondAsync(v.Diplomat, roundId, KindOf(i), KindOf(i) == "object" ? $"{v.Code} objects." : null))));

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var rows = await App.ResponsesAsync(roundId);
        Assert.Equal(42, rows.Count);
        Assert.Equal(voters.Select(v => v.Code).Order(StringComparer.Ordinal), rows.Select(r => r.Government).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(0, r.Revision));
        var round = await App.GetRoundAsync(roundId);
        var tally = round["tally"]!;
        Assert.Equal((42, 42, 30, 6, 6), (tally["audience"]!.GetValue<int>(), tally["responded"]!.GetValue<int>(),
            tally["yes"]!.GetValue<int>(), tally["no"]!.GetValue<int>(), tally["abstain"]!.GetValue<int>()));
        Assert.Equal(("closed", "adopted"), (round["status"]!.GetValue<string>(), round["result"]!.GetValue<string>()));
        var recorded = await App.EventsAsync(instanceId, ApprovalResponding.Recorded);
        Assert.Equal(42, recorded.Count);
        Assert.Equal(42, recorded.Select(e => JsonNode.Parse(e.DetailsJson!)!["government"]!.GetValue<string>()).Distinct().Count());
        Assert.Empty(await App.EventsAsync(instanceId, ApprovalResponding.Changed));
        Assert.Single(await App.EventsAsync(instanceId, "approval-closed"));
        Assert.Equal("adopted", await App.EndedAtAsync(instanceId));
    }

    private static string Email(string code) => $"diplomat.{code.ToLowerInvariant()}@member.example";
}
