using System.Globalization;
using FocWorkflows.Definitions.Globalization;

namespace FocWorkflows.Definitions.Tests.Globalization;

public sealed class ReaderCultureTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 11, 30, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ar-SA")]   // Umm al-Qura by default: 1448
    [InlineData("th-TH")]   // the Buddhist era by default: 2569
    [InlineData("fa-IR")]   // the Persian calendar by default: 1405
    public void For_ACultureWithAnotherDefaultCalendar_WritesTheGregorianYear(string language)
    {
        var culture = ReaderCulture.For(language);

        Assert.IsType<GregorianCalendar>(culture.DateTimeFormat.Calendar);
        Assert.Contains("2026", Deadline.ToString("f", culture));
        Assert.Equal(language, culture.Name);
    }

    [Fact]
    public void For_AGregorianCulture_KeepsItsWords()
    {
        Assert.Equal("lundi 30 novembre 2026 11:00", Deadline.ToString("f", ReaderCulture.For("fr")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("xx-nonsense")]
    public void For_NoOrAnUnknownLanguage_IsEnglish(string? language)
    {
        Assert.Equal("en", ReaderCulture.For(language).Name);
        Assert.Null(ReaderCulture.Find(language));
    }
}
