using System.Text;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Infrastructure;
using Markdig;
using Markdig.Syntax;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

/// <summary>The exports open safely: no cell runs as a spreadsheet formula, no comment runs as HTML.</summary>
public sealed class ResolutionMatrixTests
{
    private static MatrixRow Row(string comment, string? reason = null, string author = "Tomás Ortega", string? quote = null) =>
        new(1, "c-1", author, "advisor.uni@foc.example", "Universidad de Buenos Aires", 2, 3, quote, comment,
            reason is null ? null : DispositionDecision.NotAccepted, reason, "diplomat.nl@foc.example");

    public static TheoryData<string> Formulas => new()
    {
        "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"https://evil.example\",\"Click\")", "-", "=",
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void ToCsv_CellsThatStartLikeAFormula_StartWithAQuote(string formula)
    {
        var csv = Encoding.UTF8.GetString(ResolutionMatrix.ToCsv([Row(formula, reason: formula, author: formula, quote: formula)]));

        var record = Rfc4180.Records(csv)[1];
        // Author, quote, comment and reason: each as typed, behind one quote that makes a spreadsheet read it as text.
        Assert.All(new[] { record[1], record[5], record[6], record[8] }, cell => Assert.Equal("'" + formula, cell));
    }

    [Theory]
    [InlineData("Plain comment")]
    [InlineData("Say \"shall\", not \"should\", in 2")]
    [InlineData("Ends with = sign =")]
    [InlineData(" =leading space is text in every spreadsheet")]
    public void ToCsv_OrdinaryCells_AreWrittenAsTyped(string comment)
    {
        var csv = Encoding.UTF8.GetString(ResolutionMatrix.ToCsv([Row(comment)]));

        Assert.Equal(comment, Rfc4180.Records(csv)[1][6]);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "script")]
    [InlineData("<img src=x onerror=alert(1)>", "img")]
    [InlineData("![pixel](https://tracker.example/p.png)", "img")]
    [InlineData("[click](javascript:alert(1))", "a")]
    [InlineData("<a href=\"https://evil.example\">x</a>", "a")]
    [InlineData("`code` and **bold** and ~~gone~~", "code")]
    public void ToMarkdown_HtmlAndMarkdownInAComment_RenderAsTheTextTyped(string comment, string element)
    {
        var md = ResolutionMatrix.ToMarkdown("Title <b>bold</b>", [Row(comment, reason: comment)]);

        var html = Markdown.ToHtml(md, new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build());

        Assert.DoesNotContain($"<{element}", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html);
        var text = System.Net.WebUtility.HtmlDecode(Markdown.ToPlainText(md, new MarkdownPipelineBuilder().UsePipeTables().Build()));
        Assert.Contains(comment, text);
    }

    [Fact]
    public void ToMarkdown_CommentWithLineBreaksAndPipes_StaysOneRowOfNineCells()
    {
        var md = ResolutionMatrix.ToMarkdown("T", [Row("line one\r\nline | two\rthree")]);

        var table = Markdown.Parse(md, new MarkdownPipelineBuilder().UsePipeTables().Build())
            .Descendants<Markdig.Extensions.Tables.Table>().Single();
        Assert.Equal(2, table.Count);
        Assert.All(table.Cast<Markdig.Extensions.Tables.TableRow>(), row => Assert.Equal(9, row.Count));
        Assert.Contains("line one<br>line \\| two<br>three", md);
    }
}
