using Blazor.Diagrams.Core.Geometry;
using Bunit;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Designer.Pages.Definitions;
using FocWorkflows.Designer.Ports;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Definitions;

public sealed class DefinitionEditorPageTests : BunitContext
{
    private sealed class FakeBackend : IDesignerBackend
    {
        public IActivityCatalog Catalog { get; } = EditorCatalog.Create();

        public Task<IReadOnlyList<DefinitionListItem>> ListDefinitionsAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<DefinitionListItem>>([]);
    }

    private sealed class FakePort(WorkflowDefinition? stored) : IDefinitionEditingPort
    {
        public WorkflowDefinition? Saved { get; private set; }
        public PublishOutcome Answer { get; set; } = new(4, []);

        public Task<WorkflowDefinition?> LoadAsync(string id, CancellationToken ct) => Task.FromResult(stored);

        /// <summary>Set to refuse saves, as the server does for someone no longer of the secretariat.</summary>
        public string? Refusal { get; set; }

        public Task<SaveOutcome> SaveDraftAsync(WorkflowDefinition definition, CancellationToken ct)
        {
            if (Refusal is not null) return Task.FromResult(SaveOutcome.Refused(Refusal));
            Saved = definition;
            return Task.FromResult(new SaveOutcome(true, new DefinitionValidator(EditorCatalog.Create()).Validate(definition)));
        }

        public Task<PublishOutcome> PublishAsync(string id, CancellationToken ct) => Task.FromResult(Answer);
    }

    private static readonly WorkflowDefinition StartToEnd = EditorCatalog.Empty() with
    {
        Activities =
        [
            new ActivityNode { Id = "start", Type = ControlActivityTypes.Start, Position = new(40, 40) },
            new ActivityNode { Id = "end", Type = ControlActivityTypes.End, Position = new(300, 40) },
        ],
        Connections = [new Connection("start", Outcomes.Done, "end")],
    };

    private FakePort _port = null!;

    private IRenderedComponent<DefinitionEditorPage> RenderPage(WorkflowDefinition? stored)
    {
        // The diagram measures its canvas through JavaScript.
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1000, 600));
        _port = new FakePort(stored);
        Services.AddSingleton<IDesignerBackend>(new FakeBackend());
        Services.AddSingleton<IDefinitionEditingPort>(_port);
        return Render<DefinitionEditorPage>(p => p.Add(x => x.Id, "sample"));
    }

    [Fact]
    public void Page_LoadsTheDefinitionAndDrawsItsNodes()
    {
        var page = RenderPage(StartToEnd);

        Assert.Contains("Sample", page.Find("h1").TextContent);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".activity-node").Count));
        Assert.Equal("No problems", page.Find("#findings-heading").TextContent);
    }

    [Fact]
    public void Page_UnknownId_StartsANewDefinition()
    {
        var page = RenderPage(null);

        Assert.Contains("New definition", page.Find(".status").TextContent);
        Assert.Contains(page.FindAll(".finding"), f => f.GetAttribute("data-code") == FindingCodes.NoStart);
    }

    [Fact]
    public void Page_AddFromPalette_AddsSelectsAndDrawsTheNodeAndUndoRemovesIt()
    {
        var page = RenderPage(StartToEnd);

        page.Find("button[data-type='control.decision']").Click();

        Assert.Equal("decision", page.Find("#properties-heading").TextContent);
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".activity-node[data-node-id=decision].has-findings")));

        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Undo").Click();

        Assert.Empty(page.FindAll("#properties-heading"));
        Assert.Empty(page.FindAll(".activity-node[data-node-id=decision]"));
    }

    [Fact]
    public void Page_DragFromPaletteAndDrop_AddsTheNodeWhereDroppedAndUndoRemovesIt()
    {
        var page = RenderPage(StartToEnd);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".activity-node").Count));

        page.Find("button[data-type='control.delay']").DragStart();
        page.Find(".definition-canvas").Drop(new DragEventArgs { ClientX = 412.4, ClientY = 288.6 });

        // The canvas sits at the window's origin, unpanned and unzoomed: diagram point = client point.
        Assert.Equal("delay", page.Find("#properties-heading").TextContent);
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".activity-node[data-node-id=delay]")));
        Assert.Equal(new Position(412, 289), SavedPositionOf(page, "delay"));

        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Undo").Click();
        Assert.Empty(page.FindAll(".activity-node[data-node-id=delay]"));
    }

    [Fact]
    public void Page_DropWithoutAPaletteDrag_AddsNothing()
    {
        var page = RenderPage(StartToEnd);
        page.Find("button[data-type='control.delay']").DragStart();
        page.Find("button[data-type='control.delay']").DragEnd();

        page.Find(".definition-canvas").Drop(new DragEventArgs { ClientX = 100, ClientY = 100 });

        Assert.Empty(page.FindAll("#properties-heading"));
        Assert.Equal(2, page.FindAll(".activity-node").Count);
    }

    [Fact]
    public void Page_AddFromPaletteTwice_PlacesTheSecondNodeBesideTheFirst()
    {
        var page = RenderPage(StartToEnd);

        page.Find("button[data-type='control.decision']").Click();
        page.Find("button[data-type='control.decision']").Click();

        Assert.Equal(new Position(520, 40), SavedPositionOf(page, "decision"));
        Assert.Equal(new Position(760, 40), SavedPositionOf(page, "decision-2"));
    }

    private Position? SavedPositionOf(IRenderedComponent<DefinitionEditorPage> page, string nodeId)
    {
        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Save draft").Click();
        return _port.Saved!.FindNode(nodeId)!.Position;
    }

    [Fact]
    public void Page_NothingSelected_EditsTheWorkflowName()
    {
        var page = RenderPage(null);

        page.Find("#workflow-name").Change("Rapid response");

        Assert.Contains("Rapid response", page.Find("h1").TextContent);
        page.Find("#workflow-name").Change("");
        Assert.Equal("A workflow needs a name.", page.Find(".status").TextContent.Split(" · ")[0]);
    }

    [Fact]
    public void Page_FindingClicked_SelectsItsNode()
    {
        var page = RenderPage(StartToEnd with { Activities = [.. StartToEnd.Activities, new ActivityNode { Id = "lonely", Type = ControlActivityTypes.End }] });

        page.Find(".finding[data-code=unreachable-node] button").Click();

        Assert.Equal("lonely", page.Find("#properties-heading").TextContent);
    }

    [Fact]
    public void Page_ConnectWithTheKeyboard_AddsTheConnection()
    {
        var page = RenderPage(StartToEnd with { Activities = [.. StartToEnd.Activities, new ActivityNode { Id = "lonely", Type = ControlActivityTypes.End }] });
        page.Find(".finding[data-code=unreachable-node] button").Click();
        page.Find("button[data-type='control.start']").Click();

        page.Find("#connect-start-2-Done").Change("lonely");

        Assert.Contains("→ lonely", page.Find(".outcome[data-outcome=Done]").TextContent);
        Assert.DoesNotContain(page.FindAll(".finding"), f => f.GetAttribute("data-code") == FindingCodes.UnreachableNode);
    }

    [Fact]
    public void Page_DeleteSelected_RemovesTheNodeAndItsConnections()
    {
        var page = RenderPage(StartToEnd with { Activities = [.. StartToEnd.Activities, new ActivityNode { Id = "lonely", Type = ControlActivityTypes.End }] });
        page.Find(".finding[data-code=unreachable-node] button").Click();

        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Delete selected node").Click();

        page.Find(".editor-toolbar button.primary").Click();
        Assert.Equal(["start", "end"], _port.Saved!.Activities.Select(a => a.Id));
    }

    [Fact]
    public void Page_SaveDraft_SendsTheEditedDefinitionAndReportsItsProblems()
    {
        var page = RenderPage(StartToEnd);
        page.Find("button[data-type='control.decision']").Click();

        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Save draft").Click();

        Assert.Equal(3, _port.Saved!.Activities.Count);
        Assert.Contains("Draft saved with", page.Find(".status").TextContent);
        Assert.DoesNotContain("unsaved", page.Find(".status").TextContent);
    }

    [Fact]
    public void Page_SaveRefused_SaysWhyAndKeepsTheWorkOnTheCanvas()
    {
        var page = RenderPage(StartToEnd);
        _port.Refusal = "Only the secretariat may save or publish workflow definitions.";
        page.Find("button[data-type='control.decision']").Click();

        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Save draft").Click();

        Assert.Null(_port.Saved);
        Assert.Equal("Not saved: Only the secretariat may save or publish workflow definitions. · unsaved changes", page.Find(".status").TextContent);
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".activity-node").Count));
    }

    [Fact]
    public void Page_PublishRefused_SaysWhyAndKeepsTheFindingsListed()
    {
        var page = RenderPage(StartToEnd with { Activities = [.. StartToEnd.Activities, new ActivityNode { Id = "lonely", Type = ControlActivityTypes.End }] });
        _port.Answer = new PublishOutcome(null, [new ValidationFinding(FindingCodes.UnreachableNode, "Node 'lonely' is unreachable.", "$.activities[2]", "lonely")]);

        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Publish").Click();

        Assert.Equal("Not published: 1 problem(s), listed below.", page.Find(".status").TextContent);
        Assert.NotNull(_port.Saved);
    }

    [Fact]
    public void Page_Publish_ReportsTheVersion()
    {
        var page = RenderPage(StartToEnd);

        page.FindAll(".editor-toolbar button").First(b => b.TextContent == "Publish").Click();

        Assert.Equal("Published as version 4.", page.Find(".status").TextContent);
    }
}
