using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

/// <summary>A consultation's task is shared by its audience: done for whoever commented, still open for more.</summary>
public sealed class CommentedTaskTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<JsonNode> InboxTaskAsync(string email, string consultationId) =>
        (await _app.ClientAs(email).GetFromJsonAsync<JsonArray>("/api/tasks"))!
            .Single(t => t!["resourceHref"]!.GetValue<string>() == $"/api/consultations/{consultationId}")!;

    [Fact]
    public async Task Inbox_AfterCommenting_ShowsTheTaskDoneForTheCommenterOnly_AndStillOpen()
    {
        var (_, consultationId) = await OpenAsync(_app);
        Assert.False((await InboxTaskAsync(AdvisorUni, consultationId))["doneByYou"]!.GetValue<bool>());

        await _app.CommentAsync(AdvisorUni, consultationId, "Add a definition.");
        await _app.PostAsync(People.Secretariat, $"/api/consultations/{consultationId}/comments",
            new { paragraph = 1, text = "Sent by e-mail.", onBehalfOf = AdvisorTech });

        var mine = await InboxTaskAsync(AdvisorUni, consultationId);
        Assert.True(mine["doneByYou"]!.GetValue<bool>());
        Assert.Equal("open", mine["status"]!.GetValue<string>());
        Assert.True((await InboxTaskAsync(AdvisorTech, consultationId))["doneByYou"]!.GetValue<bool>()); // commented through the secretariat
        Assert.False((await InboxTaskAsync(AdvisorAccess, consultationId))["doneByYou"]!.GetValue<bool>());
        Assert.Equal(System.Net.HttpStatusCode.Created, (await _app.CommentAsync(AdvisorUni, consultationId, "And one more.", paragraph: 2)).StatusCode);
    }
}
