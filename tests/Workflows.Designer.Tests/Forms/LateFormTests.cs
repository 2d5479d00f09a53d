using Bunit;
using FocWorkflows.Designer.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace FocWorkflows.Designer.Tests.Forms;

public sealed class LateFormTests : BunitContext
{
    private static readonly IReadOnlyList<UnsentField> Fields = [new("Reason", "Reason"), new("ProposedText", "Proposed text")];

    /// <summary>The request as the server hands it to a static page: a GET, or a POST of a form with its fields.</summary>
    private static HttpContext Request(string method, Dictionary<string, StringValues>? form = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        if (form is not null)
        {
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(form)));
        }
        return http;
    }

    private IRenderedComponent<LateForm> Render(HttpContext http) => Render<LateForm>(p => p
        .Add(x => x.Name, "respond").Add(x => x.Message, "This round closed, so your response was not recorded.").Add(x => x.Fields, Fields)
        .AddCascadingValue(http));

    [Fact]
    public void Get_RendersNothing()
    {
        var form = Render(Request("GET"));

        Assert.Empty(form.Markup.Trim());
    }

    [Fact]
    public void PostOfAnotherForm_RendersNothing()
    {
        var form = Render(Request("POST", new() { ["_handler"] = "extend-deadline", ["Reason"] = "Capitals need a day." }));

        Assert.Empty(form.Markup.Trim());
    }

    [Fact]
    public void PostOfThisForm_SaysWhatChangedAndGivesTheTypedTextBackReadOnly()
    {
        var http = Request("POST", new() { ["_handler"] = "respond", ["Kind"] = "object", ["Reason"] = "Too broad.\nSee paragraph 2.", ["ProposedText"] = " " });
        var form = Render(http);

        form.Find("form").Submit();

        Assert.Equal("This round closed, so your response was not recorded.", form.Find("[role=alert]").TextContent);
        var given = Assert.Single(form.FindAll(".unsent textarea"));
        Assert.Equal("Too broad.\nSee paragraph 2.", given.TextContent);
        Assert.True(given.HasAttribute("readonly"));
        Assert.Equal("Reason", form.Find($"label[for={given.Id}]").TextContent);
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
    }

    [Fact]
    public void PostOfThisForm_KeepsAMoreSpecificRefusalStatus()
    {
        var http = Request("POST", new() { ["_handler"] = "respond", ["Reason"] = "Too broad." });
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        var form = Render(http);

        form.Find("form").Submit();

        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
    }
}
