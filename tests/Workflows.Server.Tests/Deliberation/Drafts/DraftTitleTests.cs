using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Drafts.DraftFlows;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Deliberation.Drafts;

/// <summary>A text is called by its own title, an input of its workflow; the pen-holders' task title stays on the task.</summary>
public sealed class DraftTitleTests : IDisposable
{
    private const string Statement = "Joint Statement on AI and Human Rights";
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Submit_WithMarkdownOnly_TakesTheWorkflowsTitleInput_AndThePublicationKeepsIt()
    {
        await _app.PublishAsync(Define("titled").Input("taskForceId").Input("title").Start()
            .Node("draft", DraftActivity.Type, new { title = Liquid("Submit the first draft of {{ input.title }}") })
            .Node("publish", PublicationActivity.Type).End().Chain("start", "draft", "publish", "end").Build());
        var id = (await _app.StartAsync("titled", new JsonObject { ["taskForceId"] = TaskForce, ["title"] = Statement })).Id;
        var task = Assert.Single((await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>("/api/tasks"))!);

        var submitted = await SubmitAsync(_app, id, People.CoChair, V1);

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(Statement, (await submitted.ReadAsync<JsonObject>())["title"]!.GetValue<string>());
        Assert.Equal($"Submit the first draft of {Statement}", task!["title"]!.GetValue<string>());
        var publicationId = (await _app.StateAsync(id)).Outputs["publish"]!["publicationId"]!.GetValue<string>();
        var publication = await _app.ClientAs(null).GetFromJsonAsync<JsonObject>($"/api/publications/{publicationId}");
        Assert.Equal(Statement, publication!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_ToAStepWithItsOwnTextTitle_TakesIt_OverThePreviousVersions()
    {
        await _app.PublishAsync(Define("two-texts").Input("taskForceId").Input("edition").Start()
            .Node("programme", DraftActivity.Type, new { title = "Draft the programme", textTitle = Liquid("Programme of {{ input.edition }}") })
            .Node("outcome", DraftActivity.Type, new { title = "Draft the outcome", textTitle = Liquid("Outcome of {{ input.edition }}") })
            .End().Chain("start", "programme", "outcome", "end").Build());
        var id = (await _app.StartAsync("two-texts", new JsonObject { ["taskForceId"] = TaskForce, ["edition"] = "FOC 2026" })).Id;

        await SubmitAsync(_app, id, People.CoChair, V1);
        await SubmitAsync(_app, id, People.CoChair, V2);

        var list = await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts");
        Assert.Equal(["Programme of FOC 2026", "Outcome of FOC 2026"], list!.Select(v => v!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Submit_WithoutATitleInputOrSetting_KeepsThePreviousVersionsTitle_ElseTheWorkflowsName()
    {
        await _app.PublishAsync(Drafting("untitled", drafts: 2).End().Connect("draft2", "end").Build());
        var id = await LaunchAsync(_app, "untitled");

        await SubmitAsync(_app, id, People.CoChair, V1);
        await SubmitAsync(_app, id, People.CoChair, V2);

        var list = await _app.ClientAs(People.CoChair).GetFromJsonAsync<JsonArray>($"/api/instances/{id}/drafts");
        Assert.Equal(["untitled", "untitled"], list!.Select(v => v!["title"]!.GetValue<string>()));
    }
}
