using System.Net;
using System.Security.Cryptography;
using System.Text;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

/// <summary>A comment is part of the hash-chained record: who commented, on what, by reference to the text.</summary>
public sealed class CommentJournalTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Comment_IsAJournalLineOfTheChain_NamingTheCommenterAndTheTextByReference()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        const string text = "Paragraph 2 should name the UN Guiding Principles.";

        var response = await _app.PostAsync(People.Secretariat, $"/api/consultations/{consultationId}/comments",
            new { paragraph = 2, text, onBehalfOf = AdvisorUni });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var comment = Assert.Single(await _app.CommentsAsync(consultationId));
        var line = Assert.Single(await _app.JournalAsync(instanceId), j => j.Event == ConsultationEvents.Commented);
        Assert.Equal((People.Secretariat, AdvisorUni, "consult"), (line.Actor, line.OnBehalfOf, line.NodeId));
        var details = line.Details();
        Assert.Equal(comment.Id, details["commentId"]!.GetValue<string>());
        Assert.Equal(consultationId, details["consultationId"]!.GetValue<string>());
        Assert.Equal(2, details["draftVersion"]!.GetValue<int>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), details["textSha256"]!.GetValue<string>());
        Assert.DoesNotContain(text, line.DetailsJson);
        var verified = await (await _app.ClientAs(People.Chair).GetAsync($"/api/instances/{instanceId}/journal/verify")).JsonAsync();
        Assert.True(verified["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Comments_ConcurrentWithAClose_AreEachInTheChainOnce_AndNoneAfterTheClose()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);

        var comments = Enumerable.Range(1, 30).Select(i => Task.Run(() =>
            _app.CommentAsync(Advisors[i % Advisors.Length], consultationId, $"Comment {i}", paragraph: 1 + i % 5)));
        var close = Task.Run(() => _app.PostAsync(People.Chair, $"/api/consultations/{consultationId}/close", new { reason = "Enough heard." }));
        var answers = await Task.WhenAll(comments);
        Assert.Equal(HttpStatusCode.OK, (await close).StatusCode);

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var stored = await _app.CommentsAsync(consultationId);
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.Created), stored.Count);
        var journal = await _app.JournalAsync(instanceId);
        var commentLines = journal.Where(j => j.Event == ConsultationEvents.Commented).ToList();
        Assert.Equal(stored.Select(c => c.Id).Order(), commentLines.Select(j => j.Details()["commentId"]!.GetValue<string>()).Order());
        var closedAt = journal.Single(j => j.Event == ConsultationEvents.Closed).Sequence;
        Assert.All(commentLines, j => Assert.True(j.Sequence < closedAt, $"comment line {j.Sequence} after the close ({closedAt})"));
    }

    [Fact]
    public async Task Comment_OnACancelledWorkflow_Is409AndWritesNothing()
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        await _app.Runtime.CancelAsync(instanceId, "Overtaken by events.", People.Chair, CancellationToken.None);
        var before = (await _app.JournalAsync(instanceId)).Count;

        var response = await _app.CommentAsync(AdvisorUni, consultationId, "Too late.");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await _app.CommentsAsync(consultationId));
        Assert.Equal(before, (await _app.JournalAsync(instanceId)).Count);
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<IdempotencyRecord>().CountAsync()));
    }
}
