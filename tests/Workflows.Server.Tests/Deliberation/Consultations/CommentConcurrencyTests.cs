using System.Net;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

public class CommentConcurrencyTests : DatabaseSuite
{
    [Fact]
    public async Task TwoHundredConcurrentComments_FromTheAudience_AreAllStored()
    {
        var (instanceId, consultationId) = await OpenAsync(App);

        var responses = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() =>
            App.CommentAsync(Advisors[i % Advisors.Length], consultationId, $"Comment {i}", paragraph: 1 + i % 9))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var stored = await App.CommentsAsync(consultationId);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"Comment {i}").Order(), stored.Select(c => c.Text).Order());
        Assert.All(stored, c => Assert.Equal((instanceId, 2), (c.InstanceId, c.DraftVersion)));
        var listed = await (await App.ClientAs(People.Chair).GetAsync($"/api/consultations/{consultationId}")).JsonAsync();
        Assert.Equal(200, listed["commentCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Comment_RepeatedWithTheSameIdempotencyKey_IsStoredOnceAndReturnedTwice()
    {
        var (_, consultationId) = await OpenAsync(App);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            App.CommentAsync(AdvisorUni, consultationId, "Retry-safe comment", paragraph: 4, quote: "shall", idempotencyKey: "c-42"))));

        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(attempts.Select(async r => (await r.JsonAsync())["id"]!.GetValue<string>()));
        var stored = Assert.Single(await App.CommentsAsync(consultationId));
        Assert.All(ids, id => Assert.Equal(stored.Id, id));
        Assert.Equal((4, "shall"), (stored.Paragraph, stored.Quote));
    }

    [Fact]
    public async Task Comment_SameIdempotencyKeyWithOtherText_Is422AndWritesNothingMore()
    {
        var (_, consultationId) = await OpenAsync(App);
        await App.CommentAsync(AdvisorUni, consultationId, "First text", idempotencyKey: "k-1");

        var reused = await App.CommentAsync(AdvisorUni, consultationId, "Other text", idempotencyKey: "k-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("First text", Assert.Single(await App.CommentsAsync(consultationId)).Text);
    }

    [Fact]
    public async Task Comment_BySecretariatOnBehalfOfAnAdvisor_CountsAsTheAdvisors()
    {
        var (_, consultationId) = await OpenAsync(App);

        var response = await App.PostAsync(People.Secretariat, $"/api/consultations/{consultationId}/comments",
            new { paragraph = 2, text = "Sent by e-mail to the Support Unit.", onBehalfOf = AdvisorTech });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = Assert.Single(await App.CommentsAsync(consultationId));
        Assert.Equal((People.Secretariat, AdvisorTech), (stored.Author, stored.OnBehalfOf));
    }
}
