using System.Net.Http.Json;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The instance page's commands decide by the directory as it stands, not by the roles a page opened with.</summary>
public sealed class InstancesPortTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private IInstancesPort Port => _app.Services.GetRequiredService<IInstancesPort>();

    private async Task<string> WaitingInstanceAsync()
    {
        await _app.PublishAsync(Define("wait").Start()
            .Node("wait", ControlActivityTypes.WaitForEvent, new { eventName = "go" })
            .Chain("start", "wait").Build());
        return (await _app.StartAsync("wait")).Id;
    }

    [Fact]
    public async Task Get_ATaskWaitingOnPeopleAndARole_NamesThemAsPeopleReadThem()
    {
        await _app.PublishAsync(Define("ask").Start()
            .Node("ask", ControlActivityTypes.HumanTask, new { title = "Confirm the signatories", assignees = new[] { People.MemberCanada, "role:secretariat" } })
            .End().Connect("start", "ask").Connect("ask", "end", "Complete").Build());
        var id = (await _app.StartAsync("ask")).Id;
        var canada = (await _app.Services.GetRequiredService<FocWorkflows.Server.Deliberation.Directory.IDirectory>()
            .FindPersonAsync(People.MemberCanada, CancellationToken.None))!.Name;

        var seen = await Port.GetAsync(id, People.Chair, CancellationToken.None);

        var task = seen.View!.WaitingOn.Single().Tasks.Single();
        Assert.Equal([canada, "the secretariat"], task.Assignees);
    }

    [Fact]
    public async Task Cancel_ByAChair_CancelsTheInstance()
    {
        var id = await WaitingInstanceAsync();

        var result = await Port.CancelAsync(id, "Superseded by the new charter.", People.Chair, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(InstanceStatus.Cancelled, (await _app.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task Cancel_ByAChairWhoseRoleWasTakenAway_IsRefusedAndChangesNothing()
    {
        var id = await WaitingInstanceAsync();
        (await _app.ClientAs(People.Secretariat).PostAsJsonAsync("/api/people",
            new { email = People.Chair, name = "Former Chair", roles = new[] { "member" } })).EnsureSuccessStatusCode();

        var result = await Port.CancelAsync(id, "Superseded.", People.Chair, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Only chairs, co-chairs and the secretariat", result.Problem);
        Assert.Equal(InstanceStatus.Waiting, (await _app.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task Retry_ByAMember_IsRefused()
    {
        var id = await WaitingInstanceAsync();

        var result = await Port.RetryAsync(id, People.MemberCanada, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Only chairs, co-chairs and the secretariat", result.Problem);
    }
}
