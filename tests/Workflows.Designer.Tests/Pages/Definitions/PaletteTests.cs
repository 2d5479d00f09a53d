using Bunit;
using FocWorkflows.Designer.Pages.Definitions;

namespace FocWorkflows.Designer.Tests.Pages.Definitions;

public sealed class PaletteTests : BunitContext
{
    private IRenderedComponent<Palette> RenderPalette(Action<string>? onAdd = null) =>
        Render<Palette>(p => p
            .Add(x => x.Catalog, EditorCatalog.Create())
            .Add(x => x.OnAdd, onAdd ?? (_ => { })));

    private static List<string> Headings(IRenderedComponent<Palette> palette) =>
        [.. palette.FindAll("section.palette-group h3").Select(h => h.TextContent)];

    [Fact]
    public void Palette_GroupsActivitiesByCategory()
    {
        var palette = RenderPalette();

        Assert.Equal(["Control", "Deliberation"], Headings(palette));
        var deliberation = palette.FindAll("section.palette-group")[1];
        Assert.Equal(["Approval round", "Notify"], deliberation.QuerySelectorAll("button.palette-item").Select(b => b.TextContent.Trim()));
    }

    [Fact]
    public void Palette_Search_KeepsOnlyMatchingActivitiesAndTheirGroups()
    {
        var palette = RenderPalette();

        palette.Find("#palette-search").Input("approve");

        Assert.Equal(["Deliberation"], Headings(palette));
        Assert.Equal("Approval round", palette.Find("button.palette-item").TextContent.Trim());
    }

    [Fact]
    public void Palette_Search_MatchesTheTypeId()
    {
        var palette = RenderPalette();

        palette.Find("#palette-search").Input("control.del");

        Assert.Equal("Delay", Assert.Single(palette.FindAll("button.palette-item")).TextContent.Trim());
    }

    [Fact]
    public void Palette_SearchWithoutMatch_SaysSo()
    {
        var palette = RenderPalette();

        palette.Find("#palette-search").Input("teleport");

        Assert.Empty(palette.FindAll("section.palette-group"));
        Assert.Contains("No activity matches", palette.Find("p.empty").TextContent);
    }

    [Fact]
    public void Palette_ClickingAnActivity_AsksToAddItsType()
    {
        string? added = null;
        var palette = RenderPalette(type => added = type);

        palette.Find("button[data-type='control.decision']").Click();

        Assert.Equal("control.decision", added);
    }

    [Fact]
    public void Palette_DraggingAnActivity_ReportsItsTypeAndTheEndOfTheDrag()
    {
        string? dragged = null;
        var ended = false;
        var palette = Render<Palette>(p => p
            .Add(x => x.Catalog, EditorCatalog.Create())
            .Add(x => x.OnDragStart, type => dragged = type)
            .Add(x => x.OnDragEnd, () => ended = true));
        var item = palette.Find("button[data-type='control.delay']");

        Assert.Equal("true", item.GetAttribute("draggable"));
        item.DragStart();
        Assert.Equal("control.delay", dragged);
        item.DragEnd();
        Assert.True(ended);
    }

    [Fact]
    public void Palette_SearchBox_HasALabel()
    {
        var palette = RenderPalette();

        Assert.Equal("Search activities", palette.Find("label[for=palette-search]").TextContent);
    }
}
