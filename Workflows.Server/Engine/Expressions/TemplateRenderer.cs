using System.Globalization;
using System.Text.Encodings.Web;
using FocWorkflows.Definitions.Globalization;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Expressions;

// Thread-safe: the parser, the options and parsed templates are shared; each render gets its own
// context. Names in templates: input, vars, outputs, taskForce and now (a date, so
// `{{ now | date: "%d %B" }}` formats it in the scope's culture and time zone).
public sealed class TemplateRenderer(IOptions<ExpressionLimits> options)
{
    private const int CacheCapacity = 4096;

    // Building the parser compiles its grammar; once built it is safe to share.
    private static readonly FluidParser Parser = new();

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly TemplateOptions _templateOptions = CreateTemplateOptions(options.Value);
    private readonly BoundedCache<IFluidTemplate> _templates = new(CacheCapacity);

    public string Render(string template, ExpressionScope scope, TemplateEncoding encoding = TemplateEncoding.Text)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scope);
        var parsed = _templates.GetOrAdd(template, Parse);
        var context = new TemplateContext(_templateOptions)
        {
            CultureInfo = ResolveCulture(scope.Culture),
            TimeZone = scope.TimeZone ?? TimeZoneInfo.Utc,
            Now = () => scope.Now,
        };
        SetValue(context, "input", TemplateModel.From(scope.Input));
        SetValue(context, "vars", TemplateModel.From(scope.Variables));
        SetValue(context, "outputs", TemplateModel.From(scope.Outputs));
        SetValue(context, "taskForce", TemplateModel.From(scope.TaskForce));
        SetValue(context, "now", scope.Now);

        TextEncoder encoder = encoding == TemplateEncoding.Html ? HtmlEncoder.Default : NullEncoder.Default;
        try
        {
            return parsed.Render(context, encoder);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException or FormatException or ArgumentException)
        {
            // MaxSteps and MaxRecursion surface as InvalidOperationException with a clear message.
            throw new ExpressionException($"template failed: {e.Message}", e);
        }
    }

    private static IFluidTemplate Parse(string template) =>
        Parser.TryParse(template, out var parsed, out var error)
            ? parsed
            : throw new ExpressionException($"template syntax error: {error}");

    private void SetValue(TemplateContext context, string name, object? value) =>
        context.SetValue(name, FluidValue.Create(value, _templateOptions));

    private static CultureInfo ResolveCulture(string? name)
    {
        // English, not the invariant culture: Humanizer's ordinals and inflections need a language.
        if (string.IsNullOrEmpty(name)) return English;
        return ReaderCulture.Find(name) ?? throw new ExpressionException($"unknown culture '{name}'");
    }

    private static TemplateOptions CreateTemplateOptions(ExpressionLimits limits)
    {
        var templateOptions = new TemplateOptions
        {
            MaxSteps = limits.MaxStatements,
            MaxRecursion = limits.RecursionDepth,
            // include and render must never read the server's disk.
            FileProvider = new NullFileProvider(),
        };
        HumanizerFilters.Register(templateOptions.Filters);
        return templateOptions;
    }
}
