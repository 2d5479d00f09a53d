using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Deliberation.Drafts.DraftFlows;

namespace FocWorkflows.Server.Tests.Deliberation.Drafts;

public sealed class RedlineTests
{
    [Fact]
    public void Between_EditedParagraph_MarksChangedWordsOnly()
    {
        var redline = Redline.Between(Paragraphs.Of(V1), Paragraphs.Of(V2));

        var changed = Assert.Single(redline.Changes, c => c.Kind == ParagraphChangeKind.Changed);
        Assert.Equal((2, 2), (changed.From, changed.To));
        Assert.Contains("<ins>deeply </ins>", changed.Html);
        Assert.DoesNotContain("<del>", changed.Html);
        Assert.Equal(3, redline.Changes.Count(c => c.Kind == ParagraphChangeKind.Unchanged));
    }

    [Fact]
    public void Between_AddedAndRemovedParagraphs_AreWholeInsertionsAndDeletions()
    {
        var redline = Redline.Between(Paragraphs.Of("One.\n\nTwo.\n\nThree."), Paragraphs.Of("One.\n\nThree.\n\nFour."));

        Assert.Equal(
            [ParagraphChangeKind.Unchanged, ParagraphChangeKind.Removed, ParagraphChangeKind.Unchanged, ParagraphChangeKind.Added],
            redline.Changes.Select(c => c.Kind));
        Assert.Equal("<del><p>Two.</p>\n</del>", redline.Changes[1].Html);
        Assert.Equal((null, 3), (redline.Changes[3].From, redline.Changes[3].To));
        Assert.Contains("<ins><p>Four.</p>", redline.Html);
    }

    [Fact]
    public void Between_EmptyFirstVersion_IsAllInsertions()
    {
        var redline = Redline.Between([], Paragraphs.Of("A.\n\nB."));

        Assert.All(redline.Changes, c => Assert.Equal(ParagraphChangeKind.Added, c.Kind));
        Assert.Equal(2, redline.Changes.Count);
    }

    [Fact]
    public void WordRedline_ScriptInEitherVersion_NeverReachesTheOutput()
    {
        var html = Redline.WordRedline("Plain text here.", "Plain <script>alert(1)</script> text <b onclick=\"x()\">here</b>.");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
        Assert.DoesNotContain("onclick", html);
        Assert.Contains("<ins>", html);
    }

    [Fact]
    public async Task Diff_V1AgainstV3_ShowsInsertionsAndDeletionsThroughTheApi()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("redline").Build());
        var id = await LaunchAsync(app, "redline");
        foreach (var (author, text) in new[] { (People.CoChair, V1), (AdvisorCoLead, V2), (People.CoChair, V3) })
            await SubmitAsync(app, id, author, text);

        var diff = await app.ClientAs(People.MemberGhana).GetFromJsonAsync<JsonObject>($"/api/instances/{id}/drafts/1/diff/3");

        var html = diff!["html"]!.GetValue<string>();
        Assert.Contains("<ins>deeply </ins>", html);
        Assert.Contains("<del>mass</del><ins>unlawful</ins>", html);
        Assert.Contains("<ins> before deployment</ins>", html);
        var changes = diff["changes"]!.AsArray();
        Assert.Equal(["unchanged", "changed", "changed", "changed"], changes.Select(c => c!["kind"]!.GetValue<string>()));
        Assert.Equal(3, diff["summary"]!["changed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_DraftWithScript_ReturnsNumberedParagraphsAndSanitizedHtml()
    {
        using var app = new TestApp();
        await app.PublishAsync(Drafting("injection", drafts: 2).Build());
        var id = await LaunchAsync(app, "injection");
        await SubmitAsync(app, id, People.CoChair, V1);
        await SubmitAsync(app, id, People.CoChair, V1 + "\n\nInjected <script>document.location='https://evil.example'</script> text.");

        var client = app.ClientAs(People.MemberGhana);
        var version = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/drafts/2");
        var diff = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}/drafts/1/diff/2");

        var paragraphs = version!["paragraphs"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, 5], paragraphs.Select(p => p!["number"]!.GetValue<int>()));
        Assert.Equal("- Companies should publish transparency reports.", paragraphs[3]!["markdown"]!.GetValue<string>());
        Assert.Contains("<script>", version["markdown"]!.GetValue<string>()); // the record keeps what was written
        foreach (var html in new[] { version["html"]!.GetValue<string>(), paragraphs[4]!["html"]!.GetValue<string>(), diff!["html"]!.GetValue<string>() })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("evil.example", html);
        }
    }
}
