using FocWorkflows.Definitions.Model;

namespace FocWorkflows.Designer.Editing;

/// <summary>
/// Where nodes go when nobody said: imported nodes without a position, and nodes added from the
/// palette with the keyboard (a drop says where itself). Slots are a grid, four columns unless the
/// canvas shows fewer; the footprint is a generous estimate of a drawn node, so a new node never
/// lands on one already there.
/// </summary>
public static class NodePlacement
{
    private const double Margin = 40, ColumnWidth = 240, RowHeight = 180;
    private const int Columns = 4;
    private const double FootprintWidth = 200, FootprintHeight = 140;

    /// <summary>The n-th slot of a grid of <paramref name="columns"/>, row by row.</summary>
    public static Position Slot(int index, int columns = Columns) =>
        new(Margin + index % columns * ColumnWidth, Margin + index / columns * RowHeight);

    /// <summary>Where a node is drawn: its own position, or its slot by order when it has none.</summary>
    public static Position Of(ActivityNode node, int index) => node.Position ?? Slot(index);

    /// <summary>
    /// The first slot whose footprint overlaps no node of the definition, in as many columns as fit
    /// in <paramref name="visibleWidth"/> (the canvas's width in diagram units), so the node is seen.
    /// </summary>
    public static Position FreeSpot(WorkflowDefinition definition, double? visibleWidth = null)
    {
        var columns = visibleWidth is { } width ? Math.Clamp((int)((width - Margin) / ColumnWidth), 1, Columns) : Columns;
        var taken = definition.Activities.Select(Of).ToList();
        // Each node overlaps at most four slots, so a free one comes within 4n + 1 tries.
        for (var index = 0; ; index++)
        {
            var slot = Slot(index, columns);
            if (!taken.Any(node => Overlap(node, slot))) return slot;
        }
    }

    private static bool Overlap(Position a, Position b) =>
        Math.Abs(a.X - b.X) < FootprintWidth && Math.Abs(a.Y - b.Y) < FootprintHeight;
}
