using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.Expressions;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Turns a node's settings into the activity's typed record: literals as they are, JavaScript
/// evaluated, Liquid rendered, defaults filled in. A value that does not fit is a
/// <see cref="SettingsException"/> naming the setting, which faults the instance with that message.
/// </summary>
public sealed class SettingsBinder(ScriptEvaluator scripts, TemplateRenderer templates)
{
    public object Bind(ActivityNode node, ActivityDescriptor descriptor, Type settingsType, ExpressionScope scope)
    {
        var deferred = DeferredSettings(settingsType);
        var values = new JsonObject();
        foreach (var setting in descriptor.Settings)
        {
            var present = node.Settings.TryGetPropertyValue(setting.Name, out var raw) && raw is not null;
            var value = !present ? setting.Default?.DeepClone()
                : deferred.Contains(setting.Name) ? raw!.DeepClone()
                : Evaluate(setting, raw!, scope);
            if (value is null && setting.Required)
                throw new SettingsException(node.Id, setting.Name, "is required but has no value");
            values[setting.Name] = value;
        }
        try
        {
            return values.Deserialize(settingsType, SettingsJson.Options)
                ?? throw new SettingsException(node.Id, "*", "could not be read");
        }
        catch (JsonException e)
        {
            var name = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "*";
            throw new SettingsException(node.Id, name, $"has a value of the wrong type ({e.Message})");
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, HashSet<string>> Deferred = new();

    private static HashSet<string> DeferredSettings(Type settingsType) => Deferred.GetOrAdd(settingsType, t =>
        [.. t.GetProperties()
            .Where(p => p.GetCustomAttributes(typeof(SettingAttribute), true).OfType<SettingAttribute>().Any(a => a.Deferred))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))]);

    private JsonNode? Evaluate(SettingDescriptor setting, JsonNode raw, ExpressionScope scope)
    {
        var value = SettingValue.Read(raw);
        try
        {
            return value.Kind switch
            {
                SettingKind.JavaScript => scripts.Evaluate(value.Source!, scope),
                SettingKind.Liquid => JsonValue.Create(templates.Render(value.Source!, scope)),
                _ when setting.Type == SettingType.ObjectList && raw is JsonArray items => EvaluateItems(items, scope),
                _ => raw.DeepClone(),
            };
        }
        catch (ExpressionException e)
        {
            throw new SettingsException("", setting.Name, e.Message);
        }
    }

    /// <summary>Object lists (switch cases, form fields) may hold expressions in their properties.</summary>
    private JsonArray EvaluateItems(JsonArray items, ExpressionScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (item is not JsonObject obj) { result.Add(item?.DeepClone()); continue; }
            var copy = new JsonObject();
            foreach (var (key, v) in obj)
            {
                var inner = SettingValue.Read(v);
                copy[key] = inner.Kind switch
                {
                    // Switch conditions stay unevaluated: the switch evaluates them in order itself.
                    SettingKind.JavaScript => v!.DeepClone(),
                    SettingKind.Liquid => JsonValue.Create(templates.Render(inner.Source!, scope)),
                    _ => v?.DeepClone(),
                };
            }
            result.Add(copy);
        }
        return result;
    }
}

/// <summary>A setting that could not be evaluated or bound.</summary>
public sealed class SettingsException(string nodeId, string setting, string problem)
    : Exception($"Setting '{setting}' {problem}.")
{
    public string NodeId { get; } = nodeId;
    public string Setting { get; } = setting;
}
