using FocWorkflows.Server.Deliberation.Drafts;

namespace FocWorkflows.Server.Tests.Deliberation.Drafts;

public sealed class ParagraphsTests
{
    [Fact]
    public void Of_HeadingParagraphsAndListItems_NumbersEachTopLevelBlock()
    {
        var markdown = "# Title\n\nFirst paragraph\nstill the first.\n\n- item one\n- item two\n\n1. ordered\n2. second\n\n---\n\nLast paragraph.";

        var paragraphs = Paragraphs.Of(markdown);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], paragraphs.Select(p => p.Number));
        Assert.Equal(["heading", "paragraph", "list-item", "list-item", "list-item", "list-item", "paragraph"], paragraphs.Select(p => p.Kind));
        Assert.Equal("First paragraph\nstill the first.", paragraphs[1].Markdown);
        Assert.Equal("- item two", paragraphs[3].Markdown);
        Assert.Equal("2. second", paragraphs[5].Markdown);
        Assert.Equal("Last paragraph.", paragraphs[6].Markdown);
    }

    [Fact]
    public void Of_NestedListItems_StayInsideTheirTopLevelItem()
    {
        var paragraphs = Paragraphs.Of("- outer\n  - inner\n- next");

        Assert.Equal(2, paragraphs.Count);
        Assert.Contains("inner", paragraphs[0].Markdown);
    }

    [Fact]
    public void Of_WindowsLineEndings_NumbersLikeUnixOnes()
    {
        Assert.Equal(Paragraphs.Of("a\n\nb\n\n- c").Select(p => p.Markdown), Paragraphs.Of("a\r\n\r\nb\r\n\r\n- c").Select(p => p.Markdown));
    }

    [Fact]
    public void Render_ScriptAndEventHandlers_AreRemoved()
    {
        var html = DraftHtml.Render("Hello <script>alert('x')</script> **world** <img src=x onerror=alert(1)> [link](javascript:alert(1))");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<strong>world</strong>", html);
    }

    [Fact]
    public void RenderNumbered_EachParagraph_GetsItsNumberAsAnchor()
    {
        var html = DraftHtml.RenderNumbered(Paragraphs.Of("# T\n\nText"));

        Assert.Contains("id=\"p1\"", html);
        Assert.Contains("<h1", html);
        Assert.Contains("id=\"p2\"", html);
        Assert.Contains("<p>Text</p>", html);
    }
}
