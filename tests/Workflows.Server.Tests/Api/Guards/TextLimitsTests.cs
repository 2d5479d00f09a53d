using System.Net;
using System.Net.Http.Json;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Deliberation.Approvals.ApprovalTestKit;
using static FocWorkflows.Server.Tests.Deliberation.Drafts.DraftFlows;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api.Guards;

/// <summary>Texts over their limit are refused 400 naming the field (413 for a body), by the API and the pages, and nothing is stored.</summary>
public sealed class TextLimitsTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Sends, asserts the problem and that nothing was written, and returns the fields the problem names.</summary>
    private async Task<IReadOnlyList<string>> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string slug)
    {
        var before = await _app.RowCountsAsync();
        var problem = await (await send()).ProblemAsync(status, slug);
        var after = await _app.RowCountsAsync();
        Assert.True(before.SequenceEqual(after), RowCounts.Changes(before, after));
        return problem.ErrorKeys();
    }

    private async Task<string> DraftingAsync()
    {
        await _app.PublishAsync(Drafting("limits", drafts: 1).Build());
        return await LaunchAsync(_app, "limits");
    }

    private static string Paragraphs(int count) => string.Join("\n\n", Enumerable.Range(1, count).Select(i => $"Paragraph {i}."));

    [Fact]
    public async Task SubmitDraft_LargerThanADraftMay_Is400NamingMarkdown()
    {
        var id = await DraftingAsync();
        // Fewer characters than the limit, more bytes: two-byte letters take it over.
        var markdown = new string('a', Limits.DraftBytes - 100) + new string('é', 60);

        var refused = await RefusedAsync(() => SubmitAsync(_app, id, People.CoChair, markdown), HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["markdown"], refused);
    }

    [Fact]
    public async Task SubmitDraft_MoreParagraphsThanADraftMay_Is400NamingMarkdown()
    {
        var id = await DraftingAsync();

        var refused = await RefusedAsync(() => SubmitAsync(_app, id, People.CoChair, Paragraphs(Limits.DraftParagraphs + 1)),
            HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["markdown"], refused);
    }

    [Fact]
    public async Task SubmitDraft_AtTheParagraphLimit_IsRecorded()
    {
        var id = await DraftingAsync();

        var response = await SubmitAsync(_app, id, People.CoChair, Paragraphs(Limits.DraftParagraphs));

        var draft = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(Limits.DraftParagraphs, draft["paragraphs"]!.AsArray().Count);
    }

    [Fact]
    public async Task SubmitDraft_LongTitle_Is400NamingTitle()
    {
        var id = await DraftingAsync();

        var refused = await RefusedAsync(() => SubmitAsync(_app, id, People.CoChair, V1, title: new string('t', Limits.Line + 1)),
            HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["title"], refused);
    }

    [Fact]
    public async Task SubmitDraft_SevenAndAHalfMegabytes_Is413()
    {
        var id = await DraftingAsync();

        await RefusedAsync(() => SubmitAsync(_app, id, People.CoChair, new string('a', 7_500_000)), HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task SubmitDraftFromThePage_LargerThanADraftMay_IsRefusedNamingMarkdown()
    {
        var id = await DraftingAsync();
        var before = await _app.RowCountsAsync();

        var result = await _app.Services.GetRequiredService<IDraftsPort>()
            .SubmitAsync(id, People.CoChair, new DraftSubmission(Paragraphs(Limits.DraftParagraphs + 1), null), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.ErrorOf("markdown"));
        Assert.True(before.SequenceEqual(await _app.RowCountsAsync()));
    }

    [Fact]
    public async Task Respond_ObjectionReasonOf200000Characters_Is400NamingReason()
    {
        var (_, roundId) = await _app.OpenRoundAsync(new { title = "Statement", mode = "consensus", audience = "list", governments = new[] { "CA", "GH" }, window = "PT72H" });

        var refused = await RefusedAsync(() => _app.RespondAsync(Canada, roundId, "object", reason: new string('r', 200_000)),
            HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["reason"], refused);
    }

    [Fact]
    public async Task StartInstance_InputTitleLongerThanALine_Is400NamingTheInput()
    {
        await _app.PublishAsync(Define("titled").Input("title").Start().End().Chain("start", "end").Build());

        var refused = await RefusedAsync(() => _app.ClientAs(People.Chair).PostAsJsonAsync("/api/instances",
            new { definitionId = "titled", input = new { title = new string('t', Limits.Line + 1) } }), HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["input.title"], refused);
    }

    [Fact]
    public async Task Cancel_ReasonLongerThanAReason_Is400NamingReason()
    {
        var id = await DraftingAsync();

        var refused = await RefusedAsync(() => _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/instances/{id}/cancel",
            new { reason = new string('r', Limits.Reason + 1) }), HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["reason"], refused);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(5_000)]
    public async Task SaveTaskForce_IdLongerThanItsColumn_Is400NamingId(int length)
    {
        var refused = await RefusedAsync(() => _app.ClientAs(People.Secretariat).PostAsJsonAsync("/api/task-forces",
            new { id = new string('t', length), name = "Long" }), HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["id"], refused);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(300)]
    [InlineData(5_000)]
    public async Task SaveDefinition_IdLongerThan100_Is400NamingId(int length)
    {
        var id = new string('d', length);

        var refused = await RefusedAsync(() => _app.ClientAs(People.Secretariat).PutAsync($"/api/definitions/{id}",
            JsonBody(Define(id).Start().Build())), HttpStatusCode.BadRequest, "invalid-request");

        Assert.Equal(["id"], refused);
    }

    [Fact]
    public async Task ImportDefinition_IdLongerThan100_IsRefusedAndNotStored()
    {
        var before = await _app.RowCountsAsync();

        var response = await _app.ClientAs(People.Secretariat).PostAsync("/api/definitions/import", JsonBody(Define(new string('d', 300)).Start().Build()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(before.SequenceEqual(await _app.RowCountsAsync()));
    }
}
