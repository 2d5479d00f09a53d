using Bunit;
using FocWorkflows.Definitions.Validation;
using FocWorkflows.Designer.Pages.Definitions;
using FocWorkflows.Designer.Ports;
using Microsoft.AspNetCore.Components.Forms.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Definitions;

public sealed class ImportPageTests : BunitContext
{
    private readonly FakeDefinitionVersionsPort _port = new();

    public ImportPageTests()
    {
        Services.AddSingleton<IFormValueMapper>(new FocWorkflows.Designer.Tests.Pages.Instances.NoPostedForm());
        Services.AddSingleton<IDefinitionVersionsPort>(_port);
        this.AddAuthorization().SetAuthorized("Secretariat").SetRoles("secretariat");
    }

    [Fact]
    public void Import_Posted_ShowsTheFindingsAndALinkToTheEditor()
    {
        _port.ImportAnswer = new ImportOutcome("fork", "elsa", true, [new ValidationFinding("unmapped-elsa-type", "Kept raw", "root.activities[2]")]);

        var page = Render<ImportPage>();
        page.Find("textarea#json").Change("{\"root\":{}}");
        page.Find("form.import").Submit();

        Assert.Equal("{\"root\":{}}", _port.ImportedJson);
        Assert.Equal("/definitions/fork", page.Find("a.open-editor").GetAttribute("href"));
        Assert.Contains("Elsa 3", page.Find("section.import-result").TextContent);
        Assert.Contains("placed automatically", page.Find("section.import-result").TextContent);
        Assert.Contains("unmapped-elsa-type", page.Find("ul.findings").TextContent);
    }

    [Fact]
    public void Import_Unreadable_SaysNothingWasSaved()
    {
        _port.ImportAnswer = new ImportOutcome(null, "native", false, [new ValidationFinding("malformed-json", "Not JSON", "")]);

        var page = Render<ImportPage>();
        page.Find("textarea#json").Change("{ nope");
        page.Find("form.import").Submit();

        Assert.Contains("Nothing was saved", page.Find("p.error").TextContent);
        Assert.Empty(page.FindAll("a.open-editor"));
    }

    [Fact]
    public void Import_NotPosted_ShowsOnlyTheLabelledForm()
    {
        var page = Render<ImportPage>();

        Assert.Equal("json", page.Find("label").GetAttribute("for"));
        Assert.NotNull(page.Find("textarea#json[name=Json]"));
        Assert.Empty(page.FindAll("section.import-result"));
    }
}
