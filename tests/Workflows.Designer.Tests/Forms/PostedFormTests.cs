using FocWorkflows.Designer.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace FocWorkflows.Designer.Tests.Forms;

public sealed class PostedFormTests
{
    private static HttpContext Post(string handler)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(new Dictionary<string, StringValues>
        {
            ["_handler"] = handler, ["Action"] = "Approve", ["Data[note]"] = "Fine", ["Data[score]"] = "3",
        })));
        return http;
    }

    [Theory]
    [InlineData("respond", "respond", null, true)]
    [InlineData("[comment-c1]dispose", "dispose", "comment-c1", true)]
    [InlineData("[comment-c1]dispose", "dispose", "comment-c2", false)]
    [InlineData("[comment-c1]dispose", "dispose", null, false)]
    [InlineData("respond", "extend-deadline", null, false)]
    public void Names_MatchesTheFormAndItsScope(string handler, string formName, string? scope, bool expected) =>
        Assert.Equal(expected, PostedForm.Names(Post(handler), formName, scope));

    [Fact]
    public void Names_ForAGetOrWithoutARequest_IsFalse()
    {
        Assert.False(PostedForm.Names(new DefaultHttpContext(), "respond"));
        Assert.False(PostedForm.Names(null, "respond"));
    }

    [Theory]
    [InlineData("[task-t1]complete", "task-t1")]
    [InlineData("complete", null)]
    [InlineData("[task-t1]dispose", null)]
    public void ScopeOf_ReadsTheScopeOfAPostedForm(string handler, string? expected) =>
        Assert.Equal(expected, PostedForm.ScopeOf(Post(handler), "complete"));

    [Fact]
    public void FieldsStartingWith_ListsThePostedFieldsInOrder() =>
        Assert.Equal(["Data[note]", "Data[score]"], PostedForm.FieldsStartingWith(Post("[task-t1]complete"), "Data["));
}
