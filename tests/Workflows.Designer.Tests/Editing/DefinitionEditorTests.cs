using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Designer.Editing;

namespace FocWorkflows.Designer.Tests.Editing;

public sealed class DefinitionEditorTests
{
    private static readonly Position Origin = new(0, 0);

    private static DefinitionEditor NewEditor() => new(EditorCatalog.Empty(), EditorCatalog.Create());

    [Fact]
    public void AddNode_KnownType_AddsNodeWithKebabIdPositionAndCatalogDefaults()
    {
        var editor = NewEditor();

        var result = editor.AddNode("deliberation.approval-round", new Position(10, 20));

        Assert.True(result.Succeeded);
        var node = Assert.Single(editor.Current.Activities);
        Assert.Equal("approval-round", node.Id);
        Assert.Equal(result.NodeId, node.Id);
        Assert.Equal(new Position(10, 20), node.Position);
        Assert.Equal("consensus", node.Settings["rule"]!.GetValue<string>());
        Assert.False(node.Settings.ContainsKey("quorum"));
    }

    [Fact]
    public void AddNode_SameTypeTwice_GivesEachAUniqueId()
    {
        var editor = NewEditor();

        editor.AddNode(ControlActivityTypes.Decision, Origin);
        editor.AddNode(ControlActivityTypes.Decision, Origin);
        editor.AddNode(ControlActivityTypes.Decision, Origin);

        Assert.Equal(["decision", "decision-2", "decision-3"], editor.Current.Activities.Select(a => a.Id));
    }

    [Fact]
    public void AddNode_UnknownType_IsRefusedAndChangesNothing()
    {
        var editor = NewEditor();

        var result = editor.AddNode("control.teleport", Origin);

        Assert.False(result.Succeeded);
        Assert.Contains("control.teleport", result.Error);
        Assert.Empty(editor.Current.Activities);
        Assert.False(editor.CanUndo);
    }

    [Fact]
    public void Connect_KnownOutcome_AddsConnection()
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.Start, Origin);
        editor.AddNode(ControlActivityTypes.End, Origin);

        var result = editor.Connect("start", Outcomes.Done, "end");

        Assert.True(result.Succeeded);
        Assert.Equal([new Connection("start", Outcomes.Done, "end")], editor.Current.Connections);
    }

    [Fact]
    public void Connect_OutcomeFromSettings_IsAccepted()
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.HumanTask, Origin);
        editor.AddNode(ControlActivityTypes.End, Origin);
        editor.SetSetting("human-task", "actions", new JsonArray("Approve", "Reject"));

        Assert.True(editor.Connect("human-task", "Reject", "end").Succeeded);
        Assert.Equal(["Approve", "Reject"], editor.OutcomesOf("human-task"));
    }

    [Fact]
    public void Connect_OutcomesComputedByAScript_AcceptsAnyName()
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.HumanTask, Origin);
        editor.AddNode(ControlActivityTypes.End, Origin);
        editor.SetSetting("human-task", "actions", SettingValue.JavaScript("input.choices"));

        Assert.True(editor.Connect("human-task", "Escalate", "end").Succeeded);
        Assert.Contains("Escalate", editor.OutcomesOf("human-task"));
    }

    [Fact]
    public void SetDetails_RenamesTheWorkflowWithUndo()
    {
        var editor = NewEditor();

        editor.SetDetails(" Rapid response ", "For urgent statements.");
        Assert.Equal(("Rapid response", "For urgent statements."), (editor.Current.Name, editor.Current.Description));

        editor.Undo();
        Assert.Equal("Sample", editor.Current.Name);
        Assert.False(editor.SetDetails(" ", null).Succeeded);
    }

    [Fact]
    public void Connect_UnknownOutcome_IsRefusedNamingTheOutcomesTheNodeReports()
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.Decision, Origin);
        editor.AddNode(ControlActivityTypes.End, Origin);

        var result = editor.Connect("decision", "Maybe", "end");

        Assert.False(result.Succeeded);
        Assert.Equal("Node 'decision' never reports outcome 'Maybe'; it reports 'True', 'False'.", result.Error);
        Assert.Empty(editor.Current.Connections);
    }

    [Theory]
    [InlineData("ghost", "end", "There is no node 'ghost' to connect from.")]
    [InlineData("start", "ghost", "There is no node 'ghost' to connect to.")]
    public void Connect_UnknownNode_IsRefused(string from, string to, string error)
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.Start, Origin);
        editor.AddNode(ControlActivityTypes.End, Origin);

        var result = editor.Connect(from, Outcomes.Done, to);

        Assert.Equal(error, result.Error);
        Assert.Empty(editor.Current.Connections);
    }

    [Fact]
    public void Connect_Twice_RefusesTheDuplicate()
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.Start, Origin);
        editor.AddNode(ControlActivityTypes.End, Origin);
        editor.Connect("start", Outcomes.Done, "end");

        var result = editor.Connect("start", Outcomes.Done, "end");

        Assert.False(result.Succeeded);
        Assert.Single(editor.Current.Connections);
    }

    [Fact]
    public void Delete_Node_RemovesItAndEveryConnectionTouchingIt()
    {
        var editor = StartDecisionEnd();

        editor.Delete("decision");

        Assert.Equal(["start", "end"], editor.Current.Activities.Select(a => a.Id));
        Assert.Empty(editor.Current.Connections);
    }

    [Fact]
    public void Disconnect_Connection_RemovesOnlyIt()
    {
        var editor = StartDecisionEnd();

        editor.Disconnect(new Connection("decision", Outcomes.True, "end"));

        Assert.Equal([new Connection("start", Outcomes.Done, "decision")], editor.Current.Connections);
    }

    [Fact]
    public void Move_Node_UpdatesItsPosition()
    {
        var editor = StartDecisionEnd();

        editor.Move("end", new Position(300, 40));

        Assert.Equal(new Position(300, 40), editor.Current.FindNode("end")!.Position);
    }

    [Fact]
    public void Move_ToSamePosition_RecordsNoHistory()
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.Start, new Position(5, 5));

        editor.Move("start", new Position(5, 5));
        editor.Undo();

        Assert.Empty(editor.Current.Activities);
    }

    [Fact]
    public void Rename_Node_SetsItsTrimmedNameAndBlankClearsIt()
    {
        var editor = StartDecisionEnd();

        editor.Rename("decision", "  Consensus reached? ");
        Assert.Equal("Consensus reached?", editor.Current.FindNode("decision")!.Name);

        editor.Rename("decision", " ");
        Assert.Null(editor.Current.FindNode("decision")!.Name);
    }

    [Fact]
    public void SetSetting_UnknownSetting_IsRefused()
    {
        var editor = StartDecisionEnd();

        var result = editor.SetSetting("decision", "colour", JsonValue.Create("red"));

        Assert.Equal("'Decision' has no setting 'colour'.", result.Error);
    }

    [Fact]
    public void SetSetting_Null_ClearsTheSetting()
    {
        var editor = NewEditor();
        editor.AddNode("deliberation.approval-round", Origin);

        editor.SetSetting("approval-round", "rule", null);

        Assert.False(editor.Current.FindNode("approval-round")!.Settings.ContainsKey("rule"));
    }

    [Fact]
    public void SetSetting_DoesNotChangeEarlierSnapshots()
    {
        var editor = StartDecisionEnd();
        var before = editor.Current;

        editor.SetSetting("decision", "condition", SettingValue.JavaScript("input.ok"));

        Assert.Equal("true", before.FindNode("decision")!.Settings["condition"]!.ToJsonString());
        Assert.Equal(SettingKind.JavaScript, SettingValue.Read(editor.Current.FindNode("decision")!.Settings["condition"]).Kind);
    }

    [Fact]
    public void Undo_ThenRedo_RestoresEachState()
    {
        var editor = StartDecisionEnd();
        var connected = editor.Current;

        editor.Delete("decision");
        var deleted = editor.Current;

        editor.Undo();
        Assert.Same(connected, editor.Current);
        Assert.True(editor.CanRedo);

        editor.Redo();
        Assert.Same(deleted, editor.Current);
        Assert.False(editor.CanRedo);
    }

    [Fact]
    public void Undo_EveryEdit_ReturnsToTheLoadedDefinition()
    {
        var editor = StartDecisionEnd();

        while (editor.CanUndo) editor.Undo();

        Assert.Empty(editor.Current.Activities);
        Assert.False(editor.HasUnsavedChanges);
    }

    [Fact]
    public void Edit_AfterUndo_ClearsRedo()
    {
        var editor = StartDecisionEnd();
        editor.Undo();

        editor.Move("start", new Position(1, 1));

        Assert.False(editor.CanRedo);
    }

    [Fact]
    public void Findings_AreRecomputedAfterEachChangeAndUndo()
    {
        var editor = NewEditor();
        Assert.Contains(editor.Findings, f => f.Code == FindingCodes.NoStart);

        editor.AddNode(ControlActivityTypes.Start, Origin);
        editor.AddNode(ControlActivityTypes.End, Origin);
        Assert.Contains(editor.Findings, f => f.Code == FindingCodes.UnreachableNode && f.NodeId == "end");

        editor.Connect("start", Outcomes.Done, "end");
        Assert.Empty(editor.Findings);

        editor.Undo();
        Assert.Single(editor.FindingsFor("end"));
    }

    [Fact]
    public void Findings_BadScript_PointAtTheNode()
    {
        var editor = StartDecisionEnd();

        editor.SetSetting("decision", "condition", SettingValue.JavaScript("input.ok &&"));

        var finding = Assert.Single(editor.Findings);
        Assert.Equal(FindingCodes.ScriptSyntax, finding.Code);
        Assert.Equal("decision", finding.NodeId);
    }

    [Fact]
    public void Changed_IsRaisedForEditsUndoAndRedoButNotRefusals()
    {
        var editor = NewEditor();
        var raised = 0;
        editor.Changed += () => raised++;

        editor.AddNode(ControlActivityTypes.Start, Origin);
        editor.Connect("start", "Nope", "start");
        editor.Undo();
        editor.Redo();

        Assert.Equal(3, raised);
    }

    [Fact]
    public void MarkSaved_ClearsUnsavedChanges()
    {
        var editor = StartDecisionEnd();
        Assert.True(editor.HasUnsavedChanges);

        editor.MarkSaved();

        Assert.False(editor.HasUnsavedChanges);
    }

    private static DefinitionEditor StartDecisionEnd()
    {
        var editor = NewEditor();
        editor.AddNode(ControlActivityTypes.Start, Origin);
        editor.AddNode(ControlActivityTypes.Decision, new Position(200, 0));
        editor.AddNode(ControlActivityTypes.End, new Position(400, 0));
        editor.SetSetting("decision", "condition", JsonValue.Create(true));
        editor.Connect("start", Outcomes.Done, "decision");
        editor.Connect("decision", Outcomes.True, "end");
        return editor;
    }
}
