using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Wordprocessing;
using FocWorkflows.Server.Deliberation.Word;
using FocWorkflows.Server.Tests.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Word.WordDocuments;

namespace FocWorkflows.Server.Tests.Word;

/// <summary>Word documents in and out through the API, as a pen-holder's and a capital's clients send and fetch them.</summary>
public sealed class WordApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>A statement as Word holds it: title, headings, a footnote, bold, nested bullets, a numbered list and a table.</summary>
    private static byte[] Statement() => Create(d => d.Add(
        Styled("Title", R("Joint statement on internet shutdowns")),
        Styled("Heading1", R("Preamble")),
        P(R("The coalition "), R("strongly", new Bold()), R(" condemns shutdowns"), d.Footnote(R("As in the 2023 statement.")), R(".")),
        Item(BulletList, 0, "States should keep networks on."),
        Item(BulletList, 1, "including mobile data"),
        Item(BulletList, 0, "Companies should resist orders."),
        Styled("Heading2", R("Commitments")),
        Item(DecimalList, 0, "Report every shutdown."),
        Item(DecimalList, 0, "Fund circumvention."),
        Table(Row(Cell("Member"), Cell("Position")), Row(Cell("France"), Cell("supports")))));

    private async Task<string> LaunchAsync(int drafts = 2)
    {
        await _app.PublishAsync(DraftFlows.Drafting("word", drafts).Build());
        return await DraftFlows.LaunchAsync(_app, "word");
    }

    private Task<HttpResponseMessage> UploadAsync(string instanceId, byte[] file, bool confirm = false, string fileName = "statement.docx",
        string? idempotencyKey = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(WordConventions.DocxMediaType);
        form.Add(content, "file", fileName);
        form.Add(new StringContent("from Word"), "note");
        if (confirm) form.Add(new StringContent("true"), "confirm");
        var client = _app.ClientAs(People.CoChair);
        if (idempotencyKey is not null) client.DefaultRequestHeaders.Add("Idempotency-Key", idempotencyKey);
        return client.PostAsync($"/api/instances/{instanceId}/drafts/docx", form);
    }

    private async Task<JsonObject> VersionAsync(string instanceId, int number) =>
        (await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}/drafts/{number}"))!;

    [Fact]
    public async Task Upload_StatementFromWord_BecomesAVersionWhoseParagraphsMatch_AndItsDownloadUploadsBackTheSame()
    {
        var id = await LaunchAsync();

        var first = await UploadAsync(id, Statement());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = await VersionAsync(id, 1);
        Assert.Equal("Joint statement on internet shutdowns", v1["title"]!.GetValue<string>());
        Assert.Equal("from Word", v1["note"]!.GetValue<string>());
        var paragraphs = v1["paragraphs"]!.AsArray().Select(p => (p!["kind"]!.GetValue<string>(), p["markdown"]!.GetValue<string>())).ToList();
        Assert.Equal(
        [
            ("heading", "# Preamble"),
            ("paragraph", "The coalition **strongly** condemns shutdowns^1^."),
            ("list-item", "- States should keep networks on.\n  - including mobile data"),
            ("list-item", "- Companies should resist orders."),
            ("heading", "## Commitments"),
            ("list-item", "1. Report every shutdown."),
            ("list-item", "2. Fund circumvention."),
            ("block", "| Member | Position |\n| --- | --- |\n| France | supports |"),
            ("paragraph", "^1^ As in the 2023 statement."),
        ], paragraphs);

        var download = await _app.ClientAs(People.CoChair).GetAsync($"/api/instances/{id}/drafts/1.docx");
        Assert.Equal(WordConventions.DocxMediaType, download.Content.Headers.ContentType?.MediaType);
        var again = await UploadAsync(id, await download.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var v2 = await VersionAsync(id, 2);
        Assert.Equal(v1["markdown"]!.GetValue<string>(), v2["markdown"]!.GetValue<string>());
        Assert.Equal(v1["title"]!.GetValue<string>(), v2["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_WithAComment_Answers422ListingIt_StoresNothing_ThenConfirmedIsStored()
    {
        var id = await LaunchAsync();
        var docx = Create(d => d.Add(P(d.Commented(R("States should keep networks on."), "Too weak for Ghana."))));

        var unconfirmed = await UploadAsync(id, docx);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        var problem = await unconfirmed.ReadAsync<JsonObject>();
        Assert.EndsWith("/docx-not-kept", problem["type"]!.GetValue<string>());
        Assert.Equal("comment", problem["losses"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(1, problem["paragraphs"]!.GetValue<int>());
        Assert.Empty((await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts"))!);

        var confirmed = await UploadAsync(id, docx, confirm: true);

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal("States should keep networks on.", (await VersionAsync(id, 1))["markdown"]!.GetValue<string>());
    }

    public static TheoryData<string, int, string> Hostile => new()
    {
        { "pdf", 415, "docx-not-a-docx" },
        { "zip-bomb", 422, "docx-zip-bomb" },
        { "macro-enabled", 415, "docx-macro-enabled" },
        { "eleven-megabytes", 413, "docx-too-large" },
        { "truncated", 422, "docx-damaged" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Upload_HostileFile_IsRefusedWithAProblem_AndNothingIsStored(string kind, int status, string type)
    {
        var id = await LaunchAsync(drafts: 1);
        var file = kind switch
        {
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"),
            "zip-bomb" => ZipBomb(),
            "macro-enabled" => Create(d => d.Add(P("Text.")), DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument),
            "eleven-megabytes" => Random.Shared.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 11 * 1024 * 1024),
            _ => Statement()[..2000],
        };

        var response = await UploadAsync(id, file, confirm: true);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<JsonObject>();
        Assert.EndsWith("/" + type, problem["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["errors"]!["file"]![0]!.GetValue<string>()));
        Assert.Empty((await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts"))!);
        Assert.DoesNotContain(await _app.JournalAsync(id), j => j.Event == "draft-submitted");
        // The step still waits: a good document after the bad one is taken.
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(id, Statement())).StatusCode);
    }

    [Fact]
    public async Task Upload_DocumentWithOnlyAPicture_Is400SayingItHasNoText()
    {
        var id = await LaunchAsync(drafts: 1);

        var response = await UploadAsync(id, Create(d => d.Add(P(new Run(new Drawing())))), confirm: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The document has no text to submit, only what cannot be kept", (await response.ReadAsync<JsonObject>())["errors"]!["file"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_NotMultipart_Is415_AndWithoutAFile_Is400()
    {
        var id = await LaunchAsync(drafts: 1);
        var client = _app.ClientAs(People.CoChair);

        var json = await client.PostAsJsonAsync($"/api/instances/{id}/drafts/docx", new { markdown = "Text." });
        var empty = await client.PostAsync($"/api/instances/{id}/drafts/docx", new MultipartFormDataContent { { new StringContent("x"), "note" } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.ReadAsync<JsonObject>())["errors"]!["file"]);
    }

    [Fact]
    public async Task Upload_ByAMemberWhoDoesNotHoldThePen_Is403_AndNothingIsStored()
    {
        var id = await LaunchAsync(drafts: 1);
        var form = new MultipartFormDataContent { { new ByteArrayContent(Statement()), "file", "statement.docx" } };

        var response = await _app.ClientAs(People.MemberCanada).PostAsync($"/api/instances/{id}/drafts/docx", form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts"))!);
    }

    [Fact]
    public async Task Upload_RetriedWithTheSameIdempotencyKey_ReplaysTheVersion()
    {
        var id = await LaunchAsync();

        var first = await UploadAsync(id, Statement(), idempotencyKey: "word-1");
        var retry = await UploadAsync(id, Statement(), idempotencyKey: "word-1");

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Single((await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts"))!);
    }

    [Fact]
    public async Task RedlineDocx_BetweenTwoSubmittedVersions_IsValidWordWithTheChangedWordsTracked()
    {
        var id = await LaunchAsync();
        await DraftFlows.SubmitAsync(_app, id, People.CoChair, "# Statement\n\nThe coalition condemns shutdowns.");
        await DraftFlows.SubmitAsync(_app, id, DraftFlows.AdvisorCoLead, "# Statement\n\nThe coalition firmly condemns all shutdowns.");

        var response = await _app.ClientAs(People.MemberCanada).GetAsync($"/api/instances/{id}/drafts/1/diff/2.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("word-v1-to-v2-redline.docx", response.Content.Headers.ContentDisposition?.FileNameStar); // titled after the workflow: no title was given
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(WordOutput.ValidationErrors(docx));
        using var document = WordOutput.Open(docx);
        var inserted = document.MainDocumentPart!.Document!.Body!.Descendants<InsertedRun>().ToList();
        Assert.Equal(["firmly", "all"], inserted.Select(i => i.InnerText.Trim()));
        var people = (await _app.ClientAs(People.Secretariat).GetFromJsonAsync<JsonArray>("/api/people"))!;
        var advisor = people.Single(p => p!["email"]!.GetValue<string>() == DraftFlows.AdvisorCoLead)!["name"]!.GetValue<string>();
        Assert.All(inserted, i => Assert.Equal(advisor, i.Author!.Value));
    }
}
