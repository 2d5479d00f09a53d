using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Engine;

public sealed class ScriptSafetyTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("while (true) {}", "statements")]
    [InlineData("var a = []; while (true) { a.push(new Array(100000).join('x')); }", "memory")]
    [InlineData("function f() { return f(); } f()", "recursion")]
    public async Task HostileScriptInASetting_FaultsTheInstance_AndTheServerStaysHealthy(string script, string limit)
    {
        await _app.PublishAsync(Define("hostile").Variable("x").Start()
            .Node("evil", ControlActivityTypes.SetVariable, new { variable = "x", value = Js(script) })
            .Chain("start", "evil").Build());

        var instance = await _app.StartAsync("hostile");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        var incident = (await _app.StateAsync(instance.Id)).Incident!;
        Assert.Equal("evil", incident.NodeId);
        Assert.Contains(limit, incident.Message);
        var health = await _app.ClientAs(null).GetAsync("/health/ready");
        Assert.True(health.IsSuccessStatusCode);
    }
}
