using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Deliberation.Directory;

public sealed class TaskForceInScriptsTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Scripts_AndTemplates_SeeTheInstancesTaskForce()
    {
        await _app.PublishAsync(Define("tf").Input("taskForceId").Variable("leads").Start()
            .Node("count", ControlActivityTypes.SetVariable, new { variable = "leads", value = Js("taskForce.leadGovernments.length") })
            .Node("say", ControlActivityTypes.Log, new { message = Liquid("{{ taskForce.name }} ends {{ taskForce.endDate }}") })
            .Chain("start", "count", "say").Build());

        var instance = await _app.StartAsync("tf", new JsonObject { ["taskForceId"] = "ai-and-human-rights" });

        Assert.Equal(2, (await _app.StateAsync(instance.Id)).Variables["leads"]!.GetValue<int>());
        var line = (await _app.JournalAsync(instance.Id)).Single(j => j.Event == JournalEvents.Log);
        Assert.Equal("Task Force on AI and Human Rights ends 2027-12-31", JsonNode.Parse(line.DetailsJson!)!["message"]!.GetValue<string>());
    }
}
