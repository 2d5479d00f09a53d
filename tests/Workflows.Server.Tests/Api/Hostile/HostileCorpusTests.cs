using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Api.Hostile;

/// <summary>
/// The hostile corpus: malformed, oversized and deep JSON, wrong media types and charsets, markup and
/// formulas read back, Liquid and JavaScript probing the server, path tricks, spoilt tokens. Every
/// request is refused 4xx ProblemDetails writing nothing, or accepted and read back harmless; none is 5xx.
/// </summary>
public sealed class HostileCorpusTests(HostileWorld world) : IClassFixture<HostileWorld>
{
    public static TheoryData<string> Names => [.. HostileCorpus.All.Keys];

    [Fact]
    public void Corpus_HasAtLeastAHundredRequests_BothRefusedAndNeutralised()
    {
        Assert.True(HostileCorpus.All.Count >= 100, $"{HostileCorpus.All.Count} requests");
        Assert.Contains(HostileCorpus.All.Values, h => !h.Refused);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Send_HostileRequest_IsRefusedWritingNothingOrNeutralised(string name)
    {
        var hostile = HostileCorpus.All[name];
        var before = await world.App.RowCountsAsync();

        var response = await hostile.Send(world);

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{name}: {status} {Shorten(body)}");
        if (!hostile.Refused)
        {
            await hostile.ReadBack!(world, response);
            return;
        }
        Assert.True(status is >= 400 and < 500, $"{name}: expected a refusal, got {status} {Shorten(body)}");
        if (hostile.Status is { } expected) Assert.True(expected == status, $"{name}: expected {expected}, got {status} {Shorten(body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await world.App.RowCountsAsync();
        foreach (var log in AccessLogs) { before.Remove(log); after.Remove(log); }
        Assert.True(before.SequenceEqual(after), $"{name} wrote: {RowCounts.Changes(before, after)}");
    }

    /// <summary>
    /// Tables that record who knocked, not what changed: every use of an authentic advisor link is logged there, refused
    /// or not, so the secretariat can see a forwarded link being tried elsewhere. A refusal adding a row there writes no state.
    /// </summary>
    private static readonly string[] AccessLogs = ["AdvisorLinkUses"];

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "..." : text;
}
