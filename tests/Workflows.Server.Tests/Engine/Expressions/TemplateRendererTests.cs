using FocWorkflows.Server.Engine.Expressions;
using static FocWorkflows.Server.Tests.Engine.Expressions.ExpressionTestScopes;

namespace FocWorkflows.Server.Tests.Engine.Expressions;

public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = Renderer();

    [Fact]
    public void Render_Variables_RendersJsonValues()
    {
        // Arrange
        var scope = Create(
            input: """{"title": "Charter"}""",
            variables: """{"round": 2, "members": ["Ana", "Ben"]}""",
            outputs: """{"vote": {"result": "Adopted"}}""");
        const string template =
            "{{ input.title }} round {{ vars.round }} ({{ vars.members.size }}): {{ outputs.vote.result }} by {{ taskForce.name }}";

        // Act
        var text = _renderer.Render(template, scope);

        // Assert
        Assert.Equal("Charter round 2 (2): Adopted by Digital Rights", text);
    }

    [Fact]
    public void Render_HumanizeDateInThreeDays_SaysThreeDaysFromNow()
    {
        // Arrange
        var scope = Create(input: """{"closes": "2025-03-13T12:00:00Z"}""");

        // Act
        var text = _renderer.Render("closes {{ input.closes | humanize }}", scope);

        // Assert
        Assert.Equal("closes 3 days from now", text);
    }

    [Fact]
    public void Render_HumanizePastDate_SaysHoursAgo()
    {
        // Act
        var text = _renderer.Render("{{ '2025-03-10T10:00:00Z' | humanize }}", Create());

        // Assert
        Assert.Equal("2 hours ago", text);
    }

    [Theory]
    [InlineData("P3D")]
    [InlineData("3.00:00:00")]
    public void Render_HumanizeDuration_SaysDays(string duration)
    {
        // Act
        var text = _renderer.Render($"{{{{ '{duration}' | humanize }}}}", Create());

        // Assert
        Assert.Equal("3 days", text);
    }

    [Fact]
    public void Render_HumanizeInFrench_SaysFrench()
    {
        // Arrange
        var scope = Create(input: """{"closes": "2025-03-13T12:00:00Z"}""", culture: "fr");

        // Act
        var text = _renderer.Render("{{ input.closes | humanize }} / {{ 2 | ordinal }}", scope);

        // Assert
        Assert.Equal("dans 3 jours / 2ème", text);
    }

    [Fact]
    public void Render_Quantity_PluralizesWithCount()
    {
        // Act
        var text = _renderer.Render("""{{ 2 | quantity: "objection" }}, {{ 1 | quantity: "objection" }}""", Create());

        // Assert
        Assert.Equal("2 objections, 1 objection", text);
    }

    [Fact]
    public void Render_InflectionFilters_Apply()
    {
        // Act
        var text = _renderer.Render("{{ 'member' | pluralize }} {{ 'digital rights charter' | titleize }} {{ 3 | ordinal }}", Create());

        // Assert
        Assert.Equal("members Digital Rights Charter 3rd", text);
    }

    [Fact]
    public void Render_Now_IsScopeNow()
    {
        // Act
        var text = _renderer.Render("""{{ now | date: "%Y-%m-%d %H:%M" }}""", Create());

        // Assert
        Assert.Equal("2025-03-10 12:00", text);
    }

    [Fact]
    public void Render_HtmlEncoding_EncodesValues()
    {
        // Arrange
        var scope = Create(input: """{"comment": "<b>hi</b>"}""");

        // Act
        var html = _renderer.Render("<p>{{ input.comment }}</p>", scope, TemplateEncoding.Html);
        var text = _renderer.Render("{{ input.comment }}", scope);

        // Assert
        Assert.Equal("<p>&lt;b&gt;hi&lt;/b&gt;</p>", html);
        Assert.Equal("<b>hi</b>", text);
    }

    [Fact]
    public void Render_SyntaxError_Throws()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _renderer.Render("{% if input.title %}open", Create()));

        // Assert
        Assert.StartsWith("template syntax error", error.Message);
    }

    [Fact]
    public void Render_TooManySteps_Throws()
    {
        // Arrange
        var limited = Renderer(new ExpressionLimits { MaxStatements = 100 });

        // Act and Assert
        Assert.Throws<ExpressionException>(() => limited.Render("{% for i in (1..100000) %}x{% endfor %}", Create()));
    }

    [Fact]
    public void Render_UnknownCulture_Throws()
    {
        // Act
        var error = Assert.Throws<ExpressionException>(() => _renderer.Render("x", Create(culture: "xx-nowhere")));

        // Assert
        Assert.Contains("xx-nowhere", error.Message);
    }
}
