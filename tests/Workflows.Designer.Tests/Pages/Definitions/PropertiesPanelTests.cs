using System.Text.Json.Nodes;
using Bunit;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Designer.Pages.Definitions;

namespace FocWorkflows.Designer.Tests.Pages.Definitions;

public sealed class PropertiesPanelTests : BunitContext
{
    private readonly List<PropertiesPanel.SettingChange> _changes = [];
    private readonly ActivityCatalog _catalog = EditorCatalog.Create();

    private IRenderedComponent<PropertiesPanel> RenderPanel(string type, JsonObject? settings = null, IReadOnlyList<ValidationFinding>? findings = null)
    {
        var node = new ActivityNode { Id = "n1", Type = type, Settings = settings ?? [] };
        return Render<PropertiesPanel>(p => p
            .Add(x => x.Node, node)
            .Add(x => x.Descriptor, _catalog.Find(type))
            .Add(x => x.Findings, findings ?? [])
            .Add(x => x.OnSettingChanged, c => _changes.Add(c)));
    }

    [Fact]
    public void Panel_GeneratesATypedEditorPerSetting()
    {
        var panel = RenderPanel("deliberation.approval-round", new JsonObject { ["rule"] = "majority" });

        Assert.Equal("majority", panel.Find("select#setting-n1-rule").GetAttribute("value"));
        Assert.Equal(["", "consensus", "majority"], panel.FindAll("select#setting-n1-rule option").Select(o => o.GetAttribute("value")));
        Assert.Equal("number", panel.Find("#setting-n1-quorum").GetAttribute("type"));
        Assert.Equal("TEXTAREA", panel.Find("#setting-n1-note").TagName);
        Assert.Equal("checkbox", panel.Find("#setting-n1-silent").GetAttribute("type"));
    }

    [Fact]
    public void Panel_EveryInputHasALabel()
    {
        var panel = RenderPanel(ControlActivityTypes.HumanTask);

        foreach (var input in panel.FindAll("input, select, textarea"))
            Assert.NotNull(panel.Find($"label[for='{input.Id}']"));
    }

    [Fact]
    public void Panel_DateTimeAndDuration_UseTheirOwnInputs()
    {
        var panel = RenderPanel(ControlActivityTypes.Delay, new JsonObject { ["until"] = "2026-03-01T09:00:00+01:00" });

        var until = panel.Find("#setting-n1-until");
        Assert.Equal("datetime-local", until.GetAttribute("type"));
        Assert.Equal("2026-03-01T08:00", until.GetAttribute("value"));
        Assert.Contains("P3D", panel.Find("#setting-n1-duration-help").TextContent);
    }

    [Fact]
    public void Panel_ValidDuration_IsCommitted()
    {
        var panel = RenderPanel(ControlActivityTypes.Delay);

        panel.Find("#setting-n1-duration").Change("P3D");

        var change = Assert.Single(_changes);
        Assert.Equal("duration", change.Name);
        Assert.Equal("P3D", change.Value!.GetValue<string>());
    }

    [Fact]
    public void Panel_BadDuration_ShowsWhatIsExpectedAndCommitsNothing()
    {
        var panel = RenderPanel(ControlActivityTypes.Delay);

        panel.Find("#setting-n1-duration").Change("three days");

        Assert.Empty(_changes);
        Assert.Contains("must be an ISO 8601 duration", panel.Find("[role=alert]").TextContent);
        Assert.Equal("true", panel.Find("#setting-n1-duration").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Panel_DateTime_IsStoredInUtcWithAnOffset()
    {
        var panel = RenderPanel(ControlActivityTypes.Delay);

        panel.Find("#setting-n1-until").Change("2026-03-01T09:30");

        Assert.Equal("2026-03-01T09:30:00Z", Assert.Single(_changes).Value!.GetValue<string>());
    }

    [Fact]
    public void Panel_StringList_IsOneItemPerLine()
    {
        var panel = RenderPanel(ControlActivityTypes.HumanTask);

        panel.Find("#setting-n1-assignees").Change("chair@foc.example\n\n secretariat@foc.example ");

        var value = Assert.IsType<JsonArray>(Assert.Single(_changes).Value);
        Assert.Equal(["chair@foc.example", "secretariat@foc.example"], value.Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Panel_Boolean_CommitsTrueOrFalse()
    {
        var panel = RenderPanel(ControlActivityTypes.Decision);

        panel.Find("#setting-n1-condition").Change(true);

        Assert.True(Assert.Single(_changes).Value!.GetValue<bool>());
    }

    [Fact]
    public void Panel_SwitchToJavaScript_ShowsAnExpressionBoxAndCommitsAScript()
    {
        var panel = RenderPanel(ControlActivityTypes.Decision, new JsonObject { ["condition"] = true });

        panel.Find("#setting-n1-condition-kind").Change("JavaScript");
        panel.Find("textarea#setting-n1-condition").Change("input.approvals > 2");

        Assert.Equal(new SettingValue(SettingKind.JavaScript, null, "input.approvals > 2"), SettingValue.Read(_changes[^1].Value));
        Assert.Contains("JavaScript expression", panel.Find("#setting-n1-condition-help").TextContent);
    }

    [Fact]
    public void Panel_SwitchToLiquid_CommitsATemplate()
    {
        var panel = RenderPanel(ControlActivityTypes.HumanTask);

        panel.Find("#setting-n1-title-kind").Change("Liquid");
        panel.Find("textarea#setting-n1-title").Change("Review {{ input.title }}");

        Assert.Equal(new SettingValue(SettingKind.Liquid, null, "Review {{ input.title }}"), SettingValue.Read(_changes[^1].Value));
    }

    [Fact]
    public void Panel_ExistingExpression_OpensInItsKind()
    {
        var panel = RenderPanel(ControlActivityTypes.Decision, new JsonObject { ["condition"] = SettingValue.JavaScript("input.ok") });

        Assert.Equal("JavaScript", panel.Find("#setting-n1-condition-kind").GetAttribute("value"));
        Assert.Equal("input.ok", panel.Find("textarea#setting-n1-condition").GetAttribute("value"));
    }

    [Fact]
    public void Panel_SettingThatTakesOnlyLiterals_HasNoKindSwitch()
    {
        var panel = RenderPanel("deliberation.approval-round");

        Assert.Empty(panel.FindAll("#setting-n1-silent-kind"));
        Assert.NotEmpty(panel.FindAll("#setting-n1-rule-kind"));
    }

    [Fact]
    public void Panel_FindingOnASetting_IsShownUnderIt()
    {
        var panel = RenderPanel(ControlActivityTypes.Decision, findings:
            [new ValidationFinding(FindingCodes.MissingSetting, "Node 'n1' needs setting 'condition'.", "$.activities[0].settings.condition", "n1")]);

        Assert.Equal("Node 'n1' needs setting 'condition'.", panel.Find("[data-setting=condition] .setting-finding").TextContent);
    }
}
