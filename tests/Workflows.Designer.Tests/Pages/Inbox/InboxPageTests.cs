using Bunit;
using FocWorkflows.Designer.Pages.Inbox;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Designer.Tests.Pages.Instances;

namespace FocWorkflows.Designer.Tests.Pages.Inbox;

public sealed class InboxPageTests : BunitContext
{
    private static InboxTask Task(string id, DateTimeOffset? due, string? resource = null) =>
        new(id, $"i-{id}", $"Task {id}", StoppedClock.Epoch, due, resource, resource is null ? ["Approve", "Reject"] : [], []);

    [Fact]
    public void Inbox_ListsTasksSoonestDueFirst_WithoutDeadlineLast()
    {
        var port = this.UseInstances("member");
        port.Tasks = [Task("late", StoppedClock.Epoch.AddDays(10)), Task("none", null), Task("soon", StoppedClock.Epoch.AddHours(5))];

        var page = Render<InboxPage>();

        var titles = page.FindAll(".inbox-task h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Task soon", "Task late", "Task none"], titles);
        Assert.Equal("closes in 5 hours", page.Find(".due-human").TextContent);
    }

    [Fact]
    public void Inbox_TaskWithActions_HasACompletionForm_AndResourceTasksLinkToTheirResource()
    {
        var port = this.UseInstances("advisor");
        port.Tasks = [Task("act", StoppedClock.Epoch.AddDays(1)), Task("comment", StoppedClock.Epoch.AddDays(2), "/api/consultations/c-1")];

        var page = Render<InboxPage>();

        var items = page.FindAll(".inbox-task");
        Assert.NotNull(items[0].QuerySelector("form.complete select[name=Action]"));
        Assert.Null(items[1].QuerySelector("form.complete"));
        Assert.NotNull(items[1].QuerySelector("a[href='/consultations/c-1']"));
    }

    [Fact]
    public void Inbox_ConsultationTheViewerCommentedOn_ShowsAsDoneButStillLinksToMoreComments()
    {
        var port = this.UseInstances("advisor");
        port.Tasks = [Task("comment", StoppedClock.Epoch.AddDays(2), "/api/consultations/c-1") with { DoneByViewer = true },
            Task("other", StoppedClock.Epoch.AddDays(3), "/api/consultations/c-2")];

        var page = Render<InboxPage>();

        var items = page.FindAll(".inbox-task");
        Assert.Contains("done-by-you", items[0].ClassList);
        Assert.Contains("You may add more until the window closes", items[0].QuerySelector(".done-note")!.TextContent);
        Assert.NotNull(items[0].QuerySelector("a[href='/consultations/c-1']"));
        Assert.Null(items[1].QuerySelector(".done-note"));
    }
}
