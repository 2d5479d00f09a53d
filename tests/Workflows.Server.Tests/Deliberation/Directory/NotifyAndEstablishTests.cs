using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Deliberation.Directory;

public sealed class NotifyAndEstablishTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Notify_RendersTheMessageForEachReader_InTheirLanguageAndTimeZone()
    {
        await _app.PublishAsync(Define("tell").Input("taskForceId").Start()
            .Node("tell", "deliberation.notify", new
            {
                audience = "advisoryNetwork",
                subject = Liquid("Consultation on {{ input.taskForceId }}"),
                body = Liquid("Closes {{ '2026-11-30T09:00:00Z' | humanize }}."),
            })
            .Chain("start", "tell").Build());

        await _app.StartAsync("tell", new JsonObject { ["taskForceId"] = "ai-and-human-rights" });

        var mails = await _app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == "mail").ToListAsync());
        Assert.Equal(4, mails.Count); // the task force's four advisors
        var arabic = JsonNode.Parse(mails.Single(m => m.PayloadJson.Contains("advisor.access@foc.example")).PayloadJson)!;
        var english = JsonNode.Parse(mails.Single(m => m.PayloadJson.Contains("advisor.ai@foc.example")).PayloadJson)!;
        Assert.Equal("Consultation on ai-and-human-rights", english["subject"]!.GetValue<string>());
        Assert.Equal("Closes 3 days from now.", english["body"]!.GetValue<string>());
        Assert.Equal("ar", arabic["language"]!.GetValue<string>());
        Assert.NotEqual(english["body"]!.GetValue<string>(), arabic["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task EstablishTaskForce_CreatesItInTheDirectory_AndJournalsIt()
    {
        await _app.PublishAsync(Define("charter").Start()
            .Node("establish", "deliberation.establish-task-force", new
            {
                id = "digital-equality", name = "Task Force on Digital Equality", mandate = "Close digital divides.",
                leadGovernments = new[] { "GH", "CL" }, memberGovernments = new[] { "KE" }, advisoryCoLeads = new[] { "advisor.women@foc.example" },
                endDate = "2027-12-31T00:00:00Z",
            })
            .Chain("start", "establish").Build());

        var instance = await _app.StartAsync("charter");

        var taskForce = await _app.QueryAsync(db => db.TaskForces.AsNoTracking().SingleAsync(t => t.Id == "digital-equality"));
        Assert.Equal(["KE", "GH", "CL"], taskForce.MemberGovernments);
        Assert.Equal(["advisor.women@foc.example"], taskForce.Advisors);
        Assert.Equal(TestApp.Epoch, taskForce.EstablishedAt);
        Assert.Contains(await _app.JournalAsync(instance.Id), j => j.Event == "task-force-established");
    }
}
