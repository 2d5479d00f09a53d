using System.Text.Json.Nodes;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Designer;

public sealed class OutboxPortTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task List_TemplatedMail_ShowsTheSubjectItsReaderGets_NotTheTemplatesName()
    {
        await _app.PublishAsync(Define("outbox-round").Input("taskForceId").Start()
            .Node("silence", "deliberation.approval-round", new { title = "Silence on the AI statement", mode = "silence", audience = "taskForceMembers", window = "P7D" })
            .End().Connect("start", "silence").Connect("silence", "end", "Adopted").Build());
        await _app.StartAsync("outbox-round", new JsonObject { ["taskForceId"] = "ai-and-human-rights" });

        var (items, _) = await _app.Services.GetRequiredService<IOutboxPort>().ListAsync(null, 1, 50, default);

        var opened = items.Where(i => i.Kind == "mail").ToList();
        Assert.NotEmpty(opened);
        Assert.All(opened, i => Assert.NotEqual("approval-opened", i.Subject));
        Assert.All(opened, i => Assert.Contains("Silence on the AI statement", i.Subject));
    }
}
