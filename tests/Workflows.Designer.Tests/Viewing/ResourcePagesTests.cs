using FocWorkflows.Designer.Viewing;

namespace FocWorkflows.Designer.Tests.Viewing;

public sealed class ResourcePagesTests
{
    [Theory]
    [InlineData("/api/approvals/r-1", "/approvals/r-1")]
    [InlineData("/api/consultations/c-1", "/consultations/c-1")]
    [InlineData("/api/consultations/c-1/dispositions", "/consultations/c-1/dispositions")]
    [InlineData("/api/instances/i-1/drafts", "/instances/i-1/drafts/latest")]
    [InlineData("/api/tasks/t-1", "/api/tasks/t-1")]
    public void PageFor_ApiAddress_IsThePageForTheResource(string href, string page) =>
        Assert.Equal(page, ResourcePages.PageFor(href));
}
