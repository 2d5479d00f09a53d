using System.Net;
using System.Net.Http.Json;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Markdig;
using Markdig.Syntax;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

public sealed class DispositionTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Opens a window, takes these comments, and lets the deadline close it so disposition starts.</summary>
    private async Task<(string InstanceId, string ConsultationId, List<string> CommentIds)> ClosedWithCommentsAsync(params (string Author, string Text, string? Quote)[] comments)
    {
        var (instanceId, consultationId) = await OpenAsync(_app);
        var ids = new List<string>();
        foreach (var (author, text, quote) in comments)
        {
            var response = await _app.CommentAsync(author, consultationId, text, paragraph: ids.Count + 1, quote: quote);
            ids.Add((await response.JsonAsync())["id"]!.GetValue<string>());
        }
        _app.Clock.Advance(TimeSpan.FromDays(14));
        await _app.Runtime.FireDueTimersAsync(CancellationToken.None);
        return (instanceId, consultationId, ids);
    }

    private Task<HttpResponseMessage> DisposeAsync(string caller, string consultationId, string commentId, string decision, string? reason) =>
        _app.ClientAs(caller).PutAsJsonAsync($"/api/consultations/{consultationId}/dispositions/{commentId}", new { decision, reason });

    [Fact]
    public async Task Disposition_CompletesTheStepOnlyWhenEveryCommentIsAnswered()
    {
        var (instanceId, consultationId, ids) = await ClosedWithCommentsAsync((AdvisorUni, "Add a definition.", null), (AdvisorTech, "Cite ICCPR.", null));
        var task = (await _app.TasksAsync(instanceId)).Single(t => t.Status == HumanTaskStatus.Open);
        Assert.Equal($"/api/consultations/{consultationId}/dispositions", task.ResourceHref);

        Assert.Equal(HttpStatusCode.OK, (await DisposeAsync(PenHolderNl, consultationId, ids[0], "accepted", null)).StatusCode);
        Assert.DoesNotContain("dispose", await _app.CompletedNodesAsync(instanceId));
        Assert.Equal(HttpStatusCode.OK, (await DisposeAsync(People.CoChair, consultationId, ids[0], "partiallyAccepted", "Definition shortened.")).StatusCode);
        Assert.DoesNotContain("dispose", await _app.CompletedNodesAsync(instanceId));
        Assert.Equal(HttpStatusCode.OK, (await DisposeAsync(AdvisorAi, consultationId, ids[1], "noted", null)).StatusCode);

        Assert.Contains("dispose", await _app.CompletedNodesAsync(instanceId));
        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(instanceId)).Status);
        Assert.Equal(2, (await _app.StateAsync(instanceId)).Outputs["dispose"]!["disposed"]!.GetValue<int>());
        var disposed = (await _app.JournalAsync(instanceId)).Where(j => j.Event == ConsultationEvents.CommentDisposed).ToList();
        Assert.Equal([PenHolderNl, People.CoChair, AdvisorAi], disposed.Select(j => j.Actor));
        Assert.Equal("Accepted", disposed[1].Details()["previous"]!["decision"]!.GetValue<string>());
        var first = await _app.QueryAsync(db => db.Set<Disposition>().AsNoTracking().SingleAsync(d => d.CommentId == ids[0]));
        Assert.Equal((DispositionDecision.PartiallyAccepted, People.CoChair), (first.Decision, first.By));
    }

    [Fact]
    public async Task Disposition_ByANonPenHolder_Is403AndWritesNothing()
    {
        var (instanceId, consultationId, ids) = await ClosedWithCommentsAsync((AdvisorUni, "Add a definition.", null));

        var response = await DisposeAsync(AdvisorAccess, consultationId, ids[0], "accepted", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<Disposition>().CountAsync()));
        Assert.DoesNotContain(await _app.JournalAsync(instanceId), j => j.Event == ConsultationEvents.CommentDisposed);
    }

    [Fact]
    public async Task Disposition_BySecretariatInItsOwnName_IsRecordedAsItsOwn()
    {
        var (instanceId, consultationId, ids) = await ClosedWithCommentsAsync((AdvisorUni, "Add a definition.", null));

        var response = await DisposeAsync(People.Secretariat, consultationId, ids[0], "noted", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = await _app.QueryAsync(db => db.Set<Disposition>().AsNoTracking().SingleAsync(d => d.CommentId == ids[0]));
        Assert.Equal((People.Secretariat, (string?)null), (disposition.By, disposition.OnBehalfOf));
        var line = Assert.Single(await _app.JournalAsync(instanceId), j => j.Event == ConsultationEvents.CommentDisposed);
        Assert.Equal((People.Secretariat, (string?)null), (line.Actor, line.OnBehalfOf));
        Assert.Contains("dispose", await _app.CompletedNodesAsync(instanceId));
    }

    [Fact]
    public async Task Disposition_NotAcceptedWithoutReasonOrUnknownComment_IsRefused()
    {
        var (_, consultationId, ids) = await ClosedWithCommentsAsync((AdvisorUni, "Add a definition.", null));

        var noReason = await DisposeAsync(PenHolderNl, consultationId, ids[0], "notAccepted", " ");
        var badDecision = await DisposeAsync(PenHolderNl, consultationId, ids[0], "maybe", "Why not.");
        var unknown = await DisposeAsync(PenHolderNl, consultationId, "no-such-comment", "accepted", null);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync())["errors"]!.AsObject().ContainsKey("reason"));
        Assert.True((await badDecision.JsonAsync())["errors"]!.AsObject().ContainsKey("decision"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<Disposition>().CountAsync()));
    }

    [Fact]
    public async Task Disposition_WithNoComments_CompletesAtOnce()
    {
        var (instanceId, _, _) = await ClosedWithCommentsAsync();

        Assert.Equal(InstanceStatus.Finished, (await _app.InstanceAsync(instanceId)).Status);
        Assert.Equal(0, (await _app.StateAsync(instanceId)).Outputs["dispose"]!["disposed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Exports_WithCommasQuotesNewlinesAndPipes_AreQuotedAndEscaped()
    {
        const string tricky = "Replace \"shall\", then add:\nline two | with a pipe";
        var (_, consultationId, ids) = await ClosedWithCommentsAsync((AdvisorUni, tricky, "a, b | c"), (AdvisorTech, "Plain", null));
        await DisposeAsync(PenHolderNl, consultationId, ids[0], "notAccepted", "Out of scope, \"see\" ToR |3|");

        var csvResponse = await _app.ClientAs(PenHolderNl).GetAsync($"/api/consultations/{consultationId}/dispositions.csv");
        var csv = await csvResponse.Content.ReadAsStringAsync();
        var md = await _app.ClientAs(PenHolderNl).GetStringAsync($"/api/consultations/{consultationId}/dispositions.md");

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var records = Rfc4180.Records(csv);
        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "Tomás Ortega", "Universidad de Buenos Aires", "2", "1", "a, b | c", tricky, "Not accepted", "Out of scope, \"see\" ToR |3|"], records[1]);
        Assert.Equal(["2", "Priya Raman", "Open Standards Institute", "2", "2", "", "Plain", "", ""], records[2]);

        var table = Markdig.Markdown.Parse(md, new MarkdownPipelineBuilder().UsePipeTables().Build())
            .Descendants<Markdig.Extensions.Tables.Table>().Single();
        Assert.Equal(3, table.Count);
        Assert.All(table.Cast<Markdig.Extensions.Tables.TableRow>(), row => Assert.Equal(9, row.Count));
        Assert.Contains("Replace \"shall\", then add:<br>line two \\| with a pipe", md);
    }
}
