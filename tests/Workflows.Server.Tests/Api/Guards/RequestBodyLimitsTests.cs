using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api.Guards;

/// <summary>Bodies are judged before any endpoint reads them: too large 413, not JSON in UTF-8 415, too deep 400, and nothing is written.</summary>
public sealed class RequestBodyLimitsTests : IAsyncLifetime, IDisposable
{
    private readonly TestApp _app = new();

    public async Task InitializeAsync() => await _app.PublishAsync(Define("hello").Input("title").Start().End().Chain("start", "end").Build());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private static string StartBody(string title) => $$"""{ "definitionId": "hello", "input": { "title": "{{title}}" } }""";

    private Task<HttpResponseMessage> StartAsync(HttpContent content) => _app.ClientAs(People.Chair).PostAsync("/api/instances", content);

    private async Task AssertNothingWrittenAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string slug)
    {
        var before = await _app.RowCountsAsync();

        var response = await send();

        await response.ProblemAsync(status, slug);
        var after = await _app.RowCountsAsync();
        Assert.True(before.SequenceEqual(after), RowCounts.Changes(before, after));
    }

    [Fact]
    public async Task StartInstance_BodyOverTheLimit_Is413AndWritesNothing()
    {
        var body = StartBody(new string('x', (int)Limits.RequestBodyBytes));

        await AssertNothingWrittenAsync(() => StartAsync(JsonBody(body)), HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task StartInstance_ChunkedBodyOverTheLimit_Is413AndWritesNothing()
    {
        // No Content-Length: the limit holds while the body is read.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(StartBody(new string('x', (int)Limits.RequestBodyBytes)))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;

        await AssertNothingWrittenAsync(() => StartAsync(content), HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Theory]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task StartInstance_NotJsonInUtf8_Is415AndWritesNothing(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(StartBody("Statement")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await AssertNothingWrittenAsync(() => StartAsync(content), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=bogus")]
    public async Task StartInstance_EmptyBodyInAnotherCharset_Is415(string contentType)
    {
        var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await AssertNothingWrittenAsync(() => StartAsync(content), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    public async Task StartInstance_JsonInUtf8HoweverWritten_StartsTheInstance(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(StartBody("Déclaration commune")));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await StartAsync(content);

        var instance = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Déclaration commune", instance["input"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartInstance_JsonNestedDeeperThanTheLimit_Is400AndWritesNothing()
    {
        // The body's object, "input" and the nesting below it: one level more than allowed.
        var nested = string.Concat(Enumerable.Repeat("[", Limits.JsonDepth - 1)) + string.Concat(Enumerable.Repeat("]", Limits.JsonDepth - 1));
        var body = $$"""{ "definitionId": "hello", "input": { "deep": {{nested}} } }""";

        await AssertNothingWrittenAsync(() => StartAsync(JsonBody(body)), HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task StartInstance_JsonNestedToTheLimit_StartsTheInstance()
    {
        var nested = string.Concat(Enumerable.Repeat("[", Limits.JsonDepth - 2)) + string.Concat(Enumerable.Repeat("]", Limits.JsonDepth - 2));
        var body = $$"""{ "definitionId": "hello", "input": { "deep": {{nested}} } }""";

        var response = await StartAsync(JsonBody(body));

        await response.ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task StartInstance_HundredThousandOpeningBrackets_Is400Quickly()
    {
        var body = $$"""{ "definitionId": "hello", "input": { "deep": {{new string('[', 100_000)}} } }""";

        await AssertNothingWrittenAsync(() => StartAsync(JsonBody(body)), HttpStatusCode.BadRequest, "malformed-request");
    }
}
