using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api;

public sealed class DefinitionsApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private static WorkflowDefinition Hello(string name = "hello") =>
        Define("hello").Start().End().Chain("start", "end").Build() with { Name = name };

    /// <summary>Two node-level problems: a decision without its condition, and a type nobody knows.</summary>
    private static WorkflowDefinition Broken() => Define("broken").Start()
        .Node("check", ControlActivityTypes.Decision)
        .Node("ghost", "control.no-such-thing")
        .Chain("start", "check").Connect("check", "ghost", Outcomes.True).Build();

    private Task<List<(string Id, int Version)>> StoredAsync() =>
        _app.QueryAsync(async db => (await db.Definitions.AsNoTracking().Select(d => new { d.DefinitionId, d.Version }).ToListAsync())
            .Select(d => (d.DefinitionId, d.Version)).OrderBy(d => d.Version).ToList());

    [Fact]
    public async Task GetThenPut_ADefinitionAsTheApiGaveIt_IsAcceptedUnchanged()
    {
        var client = _app.ClientAs(People.Secretariat);
        await _app.PublishAsync(Define("round-trip").Start().Node("ask", ControlActivityTypes.HumanTask,
            new { title = "Confirm", assignees = new[] { People.Chair } }).End().Connect("start", "ask").Connect("ask", "end", "Complete").Build() with { Name = "Round trip" });
        var read = await client.GetAsync("/api/definitions/round-trip");
        var body = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain("displayName", body);

        var put = await client.PutAsync("/api/definitions/round-trip",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var saved = await put.ExpectAsync(HttpStatusCode.OK);
        Assert.True(saved["valid"]!.GetValue<bool>());
        var original = JsonNode.Parse(body)!;
        Assert.Equal(original["activities"]!.AsArray().Count, saved["definition"]!["activities"]!.AsArray().Count);
        Assert.Equal(original["connections"]!.AsArray().Count, saved["definition"]!["connections"]!.AsArray().Count);
    }

    [Fact]
    public async Task PutDraft_InvalidDefinition_SavesItAndListsFindings()
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PutAsync("/api/definitions/broken", JsonBody(Broken()));

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.False(body["valid"]!.GetValue<bool>());
        var nodes = body["findings"]!.AsArray().Select(f => f!["nodeId"]?.GetValue<string>()).ToList();
        Assert.Contains("check", nodes);
        Assert.Contains("ghost", nodes);
        Assert.Equal([("broken", 0)], await StoredAsync());
    }

    [Fact]
    public async Task PutDraft_ValidDefinition_ReturnsValidWithNoFindings()
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PutAsync("/api/definitions/hello", JsonBody(Hello()));

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.True(body["valid"]!.GetValue<bool>());
        Assert.Empty(body["findings"]!.AsArray());
        Assert.Equal("hello", body["definition"].Str("id"));
    }

    [Fact]
    public async Task PutDraft_MalformedJson_Returns400AndSavesNothing()
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PutAsync("/api/definitions/hello", JsonBody("{ \"id\": \"hello\", \"name\": "));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-definition");
        Assert.Equal("malformed-json", problem["findings"]![0].Str("code"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task PutDraft_SchemaViolation_Returns400WithTheFindingPath()
    {
        var client = _app.ClientAs(People.Secretariat);
        const string noType = """{ "id": "hello", "name": "hello", "activities": [ { "id": "start" } ] }""";

        var response = await client.PutAsync("/api/definitions/hello", JsonBody(noType));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-definition");
        var finding = Assert.Single(problem["findings"]!.AsArray(), f => f.Str("code") == "schema-violation");
        Assert.StartsWith("$.activities[0]", finding.Str("path"));
        Assert.Contains(finding.Str("path"), problem.ErrorKeys());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task PutDraft_IdDiffersFromTheAddress_Returns400NamingId()
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PutAsync("/api/definitions/other", JsonBody(Hello()));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["id"], problem.ErrorKeys());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task PutDraft_AsMember_Returns403AndSavesNothing()
    {
        var client = _app.ClientAs(People.MemberCanada);

        var response = await client.PutAsync("/api/definitions/hello", JsonBody(Hello()));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task PutDraft_WithoutSignIn_Returns401AndSavesNothing()
    {
        var client = _app.ClientAs(null);

        var response = await client.PutAsync("/api/definitions/hello", JsonBody(Hello()));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task PutDraft_UnknownDevUser_Returns401()
    {
        var client = _app.ClientAs("nobody@nowhere.example");

        var response = await client.PutAsync("/api/definitions/hello", JsonBody(Hello()));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("PUT", "/api/definitions/hello")]
    [InlineData("POST", "/api/definitions/import")]
    [InlineData("POST", "/api/definitions/validate")]
    public async Task AnyDefinitionBody_Over2MB_Returns413AndSavesNothing(string method, string path)
    {
        var client = _app.ClientAs(People.Secretariat);
        var huge = Hello() with { Description = new string('x', 2 * 1024 * 1024 + 1) };

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonBody(huge) });

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too-large");
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Publish_TwoDrafts_CreatesVersionsOneAndTwo_AndVersionsStayImmutable()
    {
        var client = _app.ClientAs(People.Secretariat);
        await client.PutAsync("/api/definitions/hello", JsonBody(Hello("first")));
        var first = await (await client.PostAsync("/api/definitions/hello/publish", null)).ExpectAsync(HttpStatusCode.OK);
        await client.PutAsync("/api/definitions/hello", JsonBody(Hello("second")));
        var second = await (await client.PostAsync("/api/definitions/hello/publish", null)).ExpectAsync(HttpStatusCode.OK);

        await client.PutAsync("/api/definitions/hello", JsonBody(Hello("third, a draft")));
        var versions = await (await client.GetAsync("/api/definitions/hello/versions")).Content.ReadAsStringAsync();
        var v1 = await (await client.GetAsync("/api/definitions/hello/versions/1")).ExpectAsync(HttpStatusCode.OK);
        var latest = await (await client.GetAsync("/api/definitions/hello")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((1, 2), (first["version"]!.GetValue<int>(), second["version"]!.GetValue<int>()));
        var listed = JsonNode.Parse(versions)!.AsArray();
        Assert.Equal([2, 1], listed.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(People.Secretariat, listed[0].Str("publishedBy"));
        Assert.Equal(("first", 1), (v1.Str("name"), v1["version"]!.GetValue<int>()));
        Assert.Equal("third, a draft", latest.Str("name"));
        Assert.Equal([("hello", 0), ("hello", 1), ("hello", 2)], await StoredAsync());
    }

    [Fact]
    public async Task Publish_InvalidDraft_Returns422WithEveryFinding_AndCreatesNoVersion()
    {
        var client = _app.ClientAs(People.Secretariat);
        await client.PutAsync("/api/definitions/broken", JsonBody(Broken()));

        var response = await client.PostAsync("/api/definitions/broken/publish", null);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-definition");
        var findings = problem["findings"]!.AsArray();
        Assert.True(findings.Count >= 2);
        Assert.All(findings, f =>
        {
            Assert.NotEmpty(f.Str("nodeId"));
            Assert.StartsWith("$.activities[", f.Str("path"));
        });
        Assert.Contains("check", problem.ErrorKeys());
        Assert.Contains("ghost", problem.ErrorKeys());
        Assert.Equal([("broken", 0)], await StoredAsync());
        Assert.Empty(await (await client.GetAsync("/api/definitions/broken/versions")).ArrayAsync());
    }

    [Fact]
    public async Task Publish_NoDraft_Returns409()
    {
        await _app.PublishAsync(Hello());
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PostAsync("/api/definitions/hello/publish", null);

        await response.ProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal([("hello", 1)], await StoredAsync());
    }

    [Theory]
    [InlineData("GET", "/api/definitions/nope")]
    [InlineData("GET", "/api/definitions/nope/versions")]
    [InlineData("GET", "/api/definitions/nope/versions/1")]
    [InlineData("GET", "/api/definitions/nope/export")]
    [InlineData("POST", "/api/definitions/nope/publish")]
    public async Task AnyRoute_UnknownDefinition_Returns404(string method, string path)
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetVersion_UnpublishedNumber_Returns404()
    {
        await _app.PublishAsync(Hello());
        var client = _app.ClientAs(People.MemberCanada);

        var response = await client.GetAsync("/api/definitions/hello/versions/2");

        await response.ProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Validate_InvalidDefinition_ListsFindingsAndSavesNothing()
    {
        var client = _app.ClientAs(People.Secretariat);

        var invalid = await (await client.PostAsync("/api/definitions/validate", JsonBody(Broken()))).ExpectAsync(HttpStatusCode.OK);
        var valid = await (await client.PostAsync("/api/definitions/validate", JsonBody(Hello()))).ExpectAsync(HttpStatusCode.OK);

        Assert.False(invalid["valid"]!.GetValue<bool>());
        Assert.Contains(invalid["findings"]!.AsArray(), f => f.Str("code") == "unknown-activity-type" && f.Str("nodeId") == "ghost");
        Assert.True(valid["valid"]!.GetValue<bool>());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Validate_MalformedJson_Returns400()
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PostAsync("/api/definitions/validate", JsonBody("[1, 2"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed-definition");
    }

    [Fact]
    public async Task Import_NativeDefinition_SavesADraft()
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PostAsync("/api/definitions/import", JsonBody(Hello("imported")));

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.True(body["valid"]!.GetValue<bool>());
        Assert.Equal([("hello", 0)], await StoredAsync());
        var draft = await (await client.GetAsync("/api/definitions/hello")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("imported", draft.Str("name"));
    }

    [Fact]
    public async Task Import_Elsa3Definition_IsDetectedAndSavedAsADraft()
    {
        var client = _app.ClientAs(People.Secretariat);
        var elsa = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Elsa", "Samples", "hello-world.json"));

        var response = await client.PostAsync("/api/definitions/import", JsonBody(elsa));

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        var id = body["definition"].Str("id");
        Assert.Equal("Hello World", body["definition"].Str("name"));
        Assert.Contains(body["definition"]!["activities"]!.AsArray(), a => a.Str("type") == ControlActivityTypes.Log);
        Assert.Equal([(id, 0)], await StoredAsync());
    }

    [Fact]
    public async Task Import_AnElsaFlowchartEndingInFinish_PublishesAndRunsToTheEnd()
    {
        var client = _app.ClientAs(People.Secretariat);
        const string elsa = """
            {
              "definitionId": "greet-and-finish", "name": "Greet and finish", "version": 1,
              "root": {
                "type": "Elsa.Flowchart", "id": "Flowchart1",
                "activities": [
                  { "id": "Start1", "type": "Elsa.Start", "version": 1 },
                  { "id": "WriteLine1", "type": "Elsa.WriteLine", "version": 1,
                    "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Hello" } } },
                  { "id": "Finish1", "type": "Elsa.Finish", "version": 1 }
                ],
                "connections": [
                  { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "WriteLine1", "port": "In" } },
                  { "source": { "activity": "WriteLine1", "port": "Done" }, "target": { "activity": "Finish1", "port": "In" } }
                ]
              }
            }
            """;

        var imported = await (await client.PostAsync("/api/definitions/import", JsonBody(elsa))).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(imported["findings"]?.AsArray() ?? [], f => f!["nodeId"]?.GetValue<string>() == "Finish1");
        Assert.Contains(imported["definition"]!["activities"]!.AsArray(), a => a.Str("id") == "Finish1" && a.Str("type") == ControlActivityTypes.End);
        await (await client.PostAsync("/api/definitions/greet-and-finish/publish", null)).ExpectAsync(HttpStatusCode.OK);

        var started = await (await _app.ClientAs(People.Chair).PostAsync("/api/instances", JsonBody("""{ "definitionId": "greet-and-finish" }""")))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("finished", started.Str("status"));
    }

    [Fact]
    public async Task Import_AsMember_Returns403AndSavesNothing()
    {
        var client = _app.ClientAs(People.MemberGhana);

        var response = await client.PostAsync("/api/definitions/import", JsonBody(Hello()));

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Import_NotADefinition_Returns400AndSavesNothing()
    {
        var client = _app.ClientAs(People.Secretariat);

        var response = await client.PostAsync("/api/definitions/import", JsonBody("\"just a string\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("native", "\"activities\"")]
    [InlineData("elsa", "Elsa.Flowchart")]
    public async Task Export_KnownFormat_ReturnsTheDefinitionInIt(string format, string marker)
    {
        await _app.PublishAsync(Hello());
        var client = _app.ClientAs(People.Chair);

        var response = await client.GetAsync($"/api/definitions/hello/export?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_BogusFormat_Returns400NamingFormat()
    {
        await _app.PublishAsync(Hello());
        var client = _app.ClientAs(People.Chair);

        var response = await client.GetAsync("/api/definitions/hello/export?format=bogus");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["format"], problem.ErrorKeys());
    }
}
