using System.Net;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;
using static FocWorkflows.Server.Tests.Designer.PageForms;
using ValueType = FocWorkflows.Definitions.Model.ValueType;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>Launch a workflow through the generated form, follow it, complete its task from the inbox: over HTTP with a cookie session.</summary>
public sealed class LaunchAndFollowPagesTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task PublishReviewAsync() => _app.PublishAsync(Define("review").Start()
        .Input("topic", ValueType.String, required: true).Input("rounds", ValueType.Integer).Input("closesAt", ValueType.DateTime)
        .Node("review", ControlActivityTypes.HumanTask, new
        {
            title = "Review the charter", assignees = new[] { People.MemberCanada }, dueIn = "P3D",
            actions = new[] { "Approve", "Reject" }, fields = new object[] { new { name = "note", label = "Note", required = true } },
        })
        .Node("approved", ControlActivityTypes.Log, new { message = "approved" })
        .Node("rejected", ControlActivityTypes.Log, new { message = "rejected" })
        .Chain("start", "review").Connect("review", "approved", "Approve").Connect("review", "rejected", "Reject").Build());

    [Fact]
    public async Task Launch_ThroughTheForm_RedirectsToTheInstancePageWaitingOnTheTask()
    {
        await PublishReviewAsync();
        var browser = _app.Browser();
        await SignInAsync(browser, People.Chair);

        var form = await browser.GetStringAsync("/launch/review");
        var response = await SubmitAsync(browser, "/launch/review", "launch", new()
        {
            ["Values[topic]"] = "Charter 2027", ["Values[rounds]"] = "2", ["Values[closesAt]"] = "2026-12-01T17:00",
        });

        Assert.Contains("type=\"datetime-local\"", form);
        Assert.Contains("type=\"number\"", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var instanceUrl = new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery;
        Assert.StartsWith("/instances/", instanceUrl);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(instanceUrl));
        Assert.Contains("Review the charter", page);
        Assert.Contains("closes in 3 days", page);
        Assert.Contains("Mon 30 Nov 2026, 11:00 (Europe/Tallinn, UTC+02:00)", page); // the chair's own zone
        Assert.Contains("<span class=\"assignees\">Emily Chen</span>", page); // by name, not e-mail
        Assert.Contains("2026-12-01T17:00:00+02:00", page); // the datetime-local read in Tallinn
        Assert.Contains("Cancel the workflow", page);
        Assert.Contains("As of 11:00; reload the page to see later changes.", page); // prerendered: meaningful without JavaScript
    }

    [Fact]
    public async Task Launch_WithoutARequiredInput_ShowsTheServersErrorNextToTheField()
    {
        await PublishReviewAsync();
        var browser = _app.Browser();
        await SignInAsync(browser, People.Secretariat);

        var response = await SubmitAsync(browser, "/launch/review", "launch", new() { ["Values[rounds]"] = "2" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Matches("<p id=\"error-topic\" class=\"error\">[^<]*is required", page);
        Assert.Contains("aria-describedby=\"error-topic\"", page);
        Assert.Equal(0, await _app.QueryAsync(db => Task.FromResult(db.Instances.Count())));
    }

    [Fact]
    public async Task Launch_ForAMember_IsRefused()
    {
        await PublishReviewAsync();
        var browser = _app.Browser();
        await SignInAsync(browser, People.MemberCanada);

        var response = await browser.GetAsync("/launch/review");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Not allowed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Inbox_TheAssigneeCompletesTheTaskWithAForm_AndTheInstanceMovesOn()
    {
        await PublishReviewAsync();
        var instance = await _app.StartAsync("review", new System.Text.Json.Nodes.JsonObject { ["topic"] = "Charter" });
        var browser = _app.Browser();
        await SignInAsync(browser, People.MemberCanada);

        var inbox = await browser.GetStringAsync("/inbox");
        var response = await SubmitAsync(browser, "/inbox", "complete", new() { ["Action"] = "Approve", ["Data[note]"] = "Fine by Canada" });

        Assert.Contains("Review the charter", inbox);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FocWorkflows.Server.Engine.State.InstanceStatus.Finished, (await _app.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Cancel_ByTheChairWithAReason_CancelsTheInstance()
    {
        await PublishReviewAsync();
        var instance = await _app.StartAsync("review", new System.Text.Json.Nodes.JsonObject { ["topic"] = "Charter" });
        var browser = _app.Browser();
        await SignInAsync(browser, People.Chair);

        var response = await SubmitAsync(browser, $"/instances/{instance.Id}", "cancel", new() { ["Reason"] = "Superseded" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FocWorkflows.Server.Engine.State.InstanceStatus.Cancelled, (await _app.InstanceAsync(instance.Id)).Status);
    }
}
