using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Designer.Editing;

namespace FocWorkflows.Designer.Tests.Editing;

public sealed class SettingLiteralTests
{
    private static SettingDescriptor Of(SettingType type, params string[] options) => new() { Name = "value", Type = type, Options = options };

    [Theory]
    [InlineData(SettingType.Number, "2.5", "2.5")]
    [InlineData(SettingType.Integer, "7", "7")]
    [InlineData(SettingType.Duration, "PT2H", "\"PT2H\"")]
    [InlineData(SettingType.Duration, "1.02:00:00", "\"1.02:00:00\"")]
    [InlineData(SettingType.Text, "Hello", "\"Hello\"")]
    [InlineData(SettingType.Json, "{\"a\": 1}", "{\"a\":1}")]
    public void Parse_ValidText_GivesTheTypedLiteral(SettingType type, string text, string json)
    {
        var parsed = SettingLiteral.Parse(Of(type), text);

        Assert.Null(parsed.Error);
        Assert.Equal(json, parsed.Value!.ToJsonString());
    }

    [Theory]
    [InlineData(SettingType.Number, "many")]
    [InlineData(SettingType.Integer, "2.5")]
    [InlineData(SettingType.Duration, "3 days")]
    [InlineData(SettingType.DateTime, "tomorrow")]
    [InlineData(SettingType.ObjectList, "{\"a\": 1}")]
    [InlineData(SettingType.Json, "{oops")]
    public void Parse_BadText_GivesAnErrorAndNoValue(SettingType type, string text)
    {
        var parsed = SettingLiteral.Parse(Of(type), text);

        Assert.Null(parsed.Value);
        Assert.StartsWith(type == SettingType.Json ? "This is not JSON" : "value must be", parsed.Error);
    }

    [Fact]
    public void Parse_ChoiceOutsideItsOptions_IsRefused()
    {
        Assert.NotNull(SettingLiteral.Parse(Of(SettingType.Choice, "all", "any"), "some").Error);
        Assert.Equal("\"any\"", SettingLiteral.Parse(Of(SettingType.Choice, "all", "any"), "any").Value!.ToJsonString());
    }

    [Fact]
    public void Parse_Blank_ClearsTheSetting()
    {
        var parsed = SettingLiteral.Parse(Of(SettingType.Duration), "  ");

        Assert.Equal(new ParsedLiteral(null, null), parsed);
    }

    [Fact]
    public void ToText_DateTime_ShowsUtcForADateTimeLocalInput()
    {
        Assert.Equal("2026-03-01T08:00", SettingLiteral.ToText(Of(SettingType.DateTime), JsonValue.Create("2026-03-01T09:00:00+01:00")));
    }

    [Fact]
    public void ToText_StringList_IsOneItemPerLine()
    {
        Assert.Equal("a\nb", SettingLiteral.ToText(Of(SettingType.StringList), new JsonArray("a", "b")));
    }
}
