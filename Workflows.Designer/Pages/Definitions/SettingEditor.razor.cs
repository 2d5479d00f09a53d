using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Editing;
using Microsoft.AspNetCore.Components;

namespace FocWorkflows.Designer.Pages.Definitions;

public sealed partial class SettingEditor
{
    private SettingKind _kind;
    private string _text = "";
    private string? _error;
    private JsonNode? _shown;
    private bool _initialised;

    [Parameter, EditorRequired] public string NodeId { get; set; } = "";
    [Parameter, EditorRequired] public SettingDescriptor Setting { get; set; } = null!;
    [Parameter] public JsonNode? Value { get; set; }
    [Parameter] public IReadOnlyList<string> Findings { get; set; } = [];
    [Parameter] public EventCallback<JsonNode?> OnChange { get; set; }

    private string Label => Setting.DisplayName ?? Setting.Name;
    private string InputId => $"setting-{NodeId}-{Setting.Name}";
    private string KindId => $"{InputId}-kind";
    private string HelpId => $"{InputId}-help";

    private string InputType => Setting.Type switch
    {
        SettingType.Number or SettingType.Integer => "number",
        SettingType.DateTime => "datetime-local",
        _ => "text",
    };

    private string Hint => _kind switch
    {
        SettingKind.JavaScript => "A JavaScript expression, e.g. input.title or getCount() > 2.",
        SettingKind.Liquid => "A Liquid template, e.g. Draft for {{ input.title }}.",
        _ => Setting.Type switch
        {
            SettingType.Duration => "A duration such as P3D (three days) or PT2H (two hours).",
            SettingType.DateTime => "Date and time in UTC.",
            SettingType.StringList => "One per line.",
            _ => Setting.Help ?? "",
        },
    } + (Setting.Default is { } d && _kind == SettingKind.Literal ? $" Default: {SettingLiteral.ToText(Setting, d)}." : "");

    // Only a new value from outside (undo, another node, our own accepted change) resets the editor;
    // a re-render with the same value keeps what the person is typing and the kind they chose.
    protected override void OnParametersSet()
    {
        if (_initialised && JsonNode.DeepEquals(_shown, Value)) return;
        _initialised = true;
        _shown = Value?.DeepClone();
        var read = SettingValue.Read(Value);
        _kind = Setting.AllowsExpressions ? read.Kind : SettingKind.Literal;
        _text = read.Kind == SettingKind.Literal ? SettingLiteral.ToText(Setting, Value) : read.Source ?? "";
        _error = null;
    }

    private Task ChangeCheckAsync(ChangeEventArgs e) => CommitAsync(e.Value is true ? "true" : "false");

    private Task ChangeTextAsync(ChangeEventArgs e) => CommitAsync(e.Value?.ToString() ?? "");

    private Task CommitAsync(string text)
    {
        _text = text;
        if (_kind != SettingKind.Literal)
        {
            _error = null;
            return PublishAsync(text.Length == 0 ? null
                : _kind == SettingKind.JavaScript ? SettingValue.JavaScript(text) : SettingValue.Liquid(text));
        }
        var parsed = SettingLiteral.Parse(Setting, text);
        _error = parsed.Error;
        // A value that does not parse stays in the box with its message; the definition keeps its last good value.
        return parsed.Error is null ? PublishAsync(parsed.Value) : Task.CompletedTask;
    }

    private Task ChangeKindAsync(ChangeEventArgs e)
    {
        if (!Enum.TryParse<SettingKind>(e.Value?.ToString(), out var kind) || kind == _kind) return Task.CompletedTask;
        var previous = _kind;
        _kind = kind;
        _error = null;
        // Keep what was written: a literal becomes the expression's text, an expression's text the literal (if it parses).
        if (previous == SettingKind.Literal && kind == SettingKind.JavaScript && Value is not null && SettingValue.Read(Value).Kind == SettingKind.Literal)
            _text = Value is JsonValue v && v.TryGetValue<string>(out var s) ? System.Text.Json.JsonSerializer.Serialize(s) : Value.ToJsonString();
        if (kind == SettingKind.Literal && SettingLiteral.Parse(Setting, _text).Error is not null) _text = "";
        return CommitAsync(_text);
    }

    private Task PublishAsync(JsonNode? value) => OnChange.InvokeAsync(value);
}
