using Bunit;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Pages.Instances;
using FocWorkflows.Designer.Ports;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Designer.Tests.Pages.Instances;

public sealed class LaunchPageTests : BunitContext
{
    private static readonly InputDeclaration[] Inputs =
    [
        new() { Name = "topic", Label = "Topic", Required = true, Help = "What the statement is about." },
        new() { Name = "body", Type = ValueType.Text },
        new() { Name = "rounds", Type = ValueType.Integer },
        new() { Name = "urgent", Type = ValueType.Boolean, Label = "Urgent" },
        new() { Name = "closesAt", Type = ValueType.DateTime },
        new() { Name = "window", Type = ValueType.Duration },
        new() { Name = "governments", Type = ValueType.StringList },
        new() { Name = "taskForceId", Type = ValueType.TaskForce },
    ];

    private FakeInstancesPort Arrange()
    {
        var port = this.UseInstances("chair");
        port.Form = new LaunchForm("joint-statement", "Joint statement", 2, Inputs,
            [new TaskForceOption("internet-shutdowns", "Task Force on Internet Shutdowns")]);
        return port;
    }

    [Fact]
    public void Launch_GeneratesALabelledTypedFieldPerDeclaredInput()
    {
        Arrange();

        var page = Render<LaunchPage>(p => p.Add(x => x.DefinitionId, "joint-statement"));

        Assert.Equal("Topic (required)", page.Find("label[for=input-topic]").TextContent);
        Assert.Equal("text", page.Find("#input-topic").GetAttribute("type"));
        Assert.Equal("help-topic", page.Find("#input-topic").GetAttribute("aria-describedby"));
        Assert.Equal("TEXTAREA", page.Find("#input-body").TagName);
        Assert.Equal("number", page.Find("#input-rounds").GetAttribute("type"));
        Assert.Equal("checkbox", page.Find("#input-urgent").GetAttribute("type"));
        Assert.Equal("datetime-local", page.Find("#input-closesAt").GetAttribute("type"));
        Assert.Equal("text", page.Find("#input-window").GetAttribute("type"));
        Assert.Equal("TEXTAREA", page.Find("#input-governments").TagName);
        Assert.Contains("Task Force on Internet Shutdowns", page.Find("select#input-taskForceId").TextContent);
    }

    [Fact]
    public void Launch_Submitted_SendsTypedInputWithTheViewersOffset_AndGoesToTheInstance()
    {
        var port = Arrange();
        var page = Render<LaunchPage>(p => p.Add(x => x.DefinitionId, "joint-statement"));

        page.Find("#input-topic").Change("Shutdowns");
        page.Find("#input-rounds").Change("3");
        page.Find("#input-closesAt").Change("2026-12-01T17:00");
        page.Find("#input-governments").Change("EE\nCA\n");
        page.Find("form.launch").Submit();

        Assert.Equal("Shutdowns", port.LaunchedWith!["topic"]!.GetValue<string>());
        Assert.Equal(3, port.LaunchedWith["rounds"]!.GetValue<long>());
        Assert.Equal("2026-12-01T17:00:00+02:00", port.LaunchedWith["closesAt"]!.GetValue<string>());
        Assert.Equal(2, port.LaunchedWith["governments"]!.AsArray().Count);
        Assert.EndsWith("/instances/i-1", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Launch_RefusedByTheServer_ShowsEachErrorNextToItsField()
    {
        var port = Arrange();
        port.LaunchAnswer = new CommandResult(null, "The input is not valid",
            new Dictionary<string, string[]> { ["input.topic"] = ["'Topic' is required."], ["input.window"] = ["must be an ISO 8601 duration."] });
        var page = Render<LaunchPage>(p => p.Add(x => x.DefinitionId, "joint-statement"));

        page.Find("form.launch").Submit();

        Assert.Equal("'Topic' is required.", page.Find("#error-topic").TextContent);
        Assert.Equal("help-topic error-topic", page.Find("#input-topic").GetAttribute("aria-describedby"));
        Assert.Equal("true", page.Find("#input-window").GetAttribute("aria-invalid"));
        Assert.Contains("error-window", page.Find("#input-window").GetAttribute("aria-describedby"));
    }
}
