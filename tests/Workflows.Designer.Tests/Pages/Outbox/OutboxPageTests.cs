using Bunit;
using FocWorkflows.Designer.Pages.Outbox;
using FocWorkflows.Designer.Ports;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Outbox;

public sealed class OutboxPageTests : BunitContext
{
    private sealed class FakeOutbox(params OutboxItem[] items) : IOutboxPort
    {
        public string? AskedStatus { get; private set; }

        public Task<(IReadOnlyList<OutboxItem> Items, int Total)> ListAsync(string? status, int page, int pageSize, CancellationToken ct)
        {
            AskedStatus = status;
            var matching = items.Where(i => status is null || i.Status == status).ToList();
            return Task.FromResult<(IReadOnlyList<OutboxItem>, int)>((matching, matching.Count));
        }
    }

    private static OutboxItem Item(string id, string status, string? error = null) =>
        new(id, "mail", status, "diplomat.ca@foc.example", $"Subject {id}", DateTimeOffset.UnixEpoch, error is null ? 0 : 8, null, error);

    [Fact]
    public void Outbox_ListsEachMessageWithItsStateAndLastError()
    {
        Services.AddSingleton<IOutboxPort>(new FakeOutbox(Item("a", "held"), Item("b", "dead", "Graph answered 500 eight times")));

        var page = Render<OutboxPage>();

        var rows = page.FindAll("table.outbox tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("held", rows[0].TextContent);
        Assert.Contains("Graph answered 500 eight times", rows[1].QuerySelector(".error")!.TextContent);
    }

    [Fact]
    public void Outbox_FilteredByState_AsksForThatStateAndMarksTheFilter()
    {
        var outbox = new FakeOutbox(Item("a", "held"), Item("b", "dead"));
        Services.AddSingleton<IOutboxPort>(outbox);

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("status", "dead"));

        var page = Render<OutboxPage>();

        Assert.Equal("dead", outbox.AskedStatus);
        Assert.Single(page.FindAll("table.outbox tbody tr"));
        Assert.Equal("Dead", page.Find("nav.filters a[aria-current=page]").TextContent);
    }

    [Fact]
    public void Outbox_Empty_SaysSo()
    {
        Services.AddSingleton<IOutboxPort>(new FakeOutbox());

        var page = Render<OutboxPage>();

        Assert.Contains("No messages", page.Find("p.empty").TextContent);
    }
}
