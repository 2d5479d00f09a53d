using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Editing;

namespace FocWorkflows.Designer.Tests.Editing;

public sealed class NodePlacementTests
{
    private static WorkflowDefinition With(params Position?[] positions) => EditorCatalog.Empty() with
    {
        Activities = [.. positions.Select((p, i) => new ActivityNode { Id = $"n{i}", Type = ControlActivityTypes.End, Position = p })],
    };

    [Fact]
    public void FreeSpot_EmptyDefinition_IsTheFirstSlot()
    {
        Assert.Equal(new Position(40, 40), NodePlacement.FreeSpot(With()));
    }

    [Fact]
    public void FreeSpot_SlotsTaken_IsTheNextSlotInTheRow()
    {
        Assert.Equal(new Position(520, 40), NodePlacement.FreeSpot(With(new(40, 40), new(280, 40))));
    }

    [Fact]
    public void FreeSpot_RowFull_WrapsToTheNextRow()
    {
        Assert.Equal(new Position(40, 220), NodePlacement.FreeSpot(With(new(40, 40), new(280, 40), new(520, 40), new(760, 40))));
    }

    [Fact]
    public void FreeSpot_NodeMovedNearASlot_SkipsThatSlotToo()
    {
        // Dragged a little off the first slot: still on top of it, so a new node goes elsewhere.
        Assert.Equal(new Position(280, 40), NodePlacement.FreeSpot(With(new Position(60, 70))));
    }

    [Fact]
    public void FreeSpot_LastNodeFarAway_FillsTheGapBeforeIt()
    {
        // Not "right of the last one": the first slot is free.
        Assert.Equal(new Position(40, 40), NodePlacement.FreeSpot(With(new Position(760, 400))));
    }

    [Fact]
    public void FreeSpot_NodesWithoutPositions_CountInTheSlotsTheyAreDrawnIn()
    {
        Assert.Equal(new Position(520, 40), NodePlacement.FreeSpot(With(null, null)));
    }

    [Fact]
    public void FreeSpot_NarrowCanvas_WrapsAfterTheColumnsThatFit()
    {
        // 560 wide shows two columns (40 and 280, each 200 wide): the third node starts a new row.
        Assert.Equal(new Position(40, 220), NodePlacement.FreeSpot(With(new(40, 40), new(280, 40)), visibleWidth: 560));
    }

    [Fact]
    public void FreeSpot_VeryNarrowCanvas_StillHasOneColumn()
    {
        Assert.Equal(new Position(40, 220), NodePlacement.FreeSpot(With(new Position(40, 40)), visibleWidth: 100));
    }
}
