using System.Globalization;
using System.Xml;
using Fluid;
using Fluid.Values;
using Humanizer;

namespace FocWorkflows.Server.Engine.Expressions;

// Liquid filters backed by Humanizer, in the template's culture where Humanizer has it (word
// inflection, as in pluralize and quantity, is English only). Like Liquid's own filters they
// return the input unchanged when it is not something they understand, rather than fail a mail.
internal static class HumanizerFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("humanize", Humanize);
        filters.AddFilter("quantity", Quantity);
        filters.AddFilter("pluralize", Pluralize);
        filters.AddFilter("titleize", Titleize);
        filters.AddFilter("ordinal", Ordinal);
    }

    // A date relative to the scope's Now ("3 days from now", "2 hours ago"); a duration as such
    // ("3 days"), given as ISO 8601 ("P3D") or .NET ("3.00:00:00"); other text as a sentence.
    private static ValueTask<FluidValue> Humanize(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var culture = context.CultureInfo;
        if (input.ToObjectValue() is DateTimeOffset date)
        {
            return Text(date.Humanize(context.Now(), culture));
        }

        if (input.Type != FluidValues.String)
        {
            return new(input);
        }

        var text = input.ToStringValue().Trim();
        if (TryParseDuration(text, out var duration))
        {
            return Text(duration.Humanize(culture: culture));
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            var zone = context.TimeZone ?? TimeZoneInfo.Utc;
            var instant = parsed.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(parsed, zone.GetUtcOffset(parsed))
                : new DateTimeOffset(parsed);
            return Text(instant.Humanize(context.Now(), culture));
        }

        return Text(text.Humanize());
    }

    // {{ 2 | quantity: "objection" }} -> "2 objections"
    private static ValueTask<FluidValue> Quantity(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var word = arguments.At(0).ToStringValue();
        if (string.IsNullOrEmpty(word) || !TryGetNumber(input, out var count))
        {
            return new(input);
        }

        var culture = context.CultureInfo;
        return Text(IsWhole(count)
            ? word.ToQuantity((long)count, "N0", culture)
            : word.ToQuantity((double)count, null, culture));
    }

    private static ValueTask<FluidValue> Pluralize(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        Text(input.ToStringValue().Pluralize(inputIsKnownToBeSingular: false));

    private static ValueTask<FluidValue> Titleize(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        Text(input.ToStringValue().Titleize());

    // {{ 2 | ordinal }} -> "2nd", or "2e" in French
    private static ValueTask<FluidValue> Ordinal(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        TryGetNumber(input, out var number) && IsWhole(number) && number is >= int.MinValue and <= int.MaxValue
            ? Text(((int)number).Ordinalize(context.CultureInfo))
            : new(input);

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        // The colon keeps a bare number ("12") from being read as a number of days.
        return text.Contains(':') && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out duration);
    }

    private static bool TryGetNumber(FluidValue input, out decimal number)
    {
        if (input.Type == FluidValues.Number)
        {
            number = input.ToNumberValue();
            return true;
        }

        number = 0;
        return input.Type == FluidValues.String
            && decimal.TryParse(input.ToStringValue(), NumberStyles.Number, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsWhole(decimal number) =>
        number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue;

    private static ValueTask<FluidValue> Text(string text) => new(new StringValue(text));
}
