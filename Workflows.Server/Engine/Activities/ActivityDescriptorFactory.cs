using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// Builds a catalog descriptor from an activity's attribute and its <c>Settings</c> record: each
/// constructor parameter is a setting; its C# type gives the setting type, a missing default and a
/// non-nullable type make it required.
/// </summary>
internal static class ActivityDescriptorFactory
{
    public static ActivityDescriptor Create(ActivityAttribute attribute, Type settingsType) => new()
    {
        Type = attribute.Type,
        Category = attribute.Category,
        DisplayName = attribute.DisplayName,
        Description = attribute.Description,
        Blocking = attribute.Blocking,
        Outcomes = attribute.Outcomes,
        OutcomesFromSetting = attribute.OutcomesFromSetting,
        // NullabilityInfoContext is not thread-safe: one per descriptor.
        Settings = [.. SettingParameters(settingsType).Select(p => Describe(p, new NullabilityInfoContext()))],
    };

    private static ParameterInfo[] SettingParameters(Type settingsType) =>
        settingsType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];

    private static SettingDescriptor Describe(ParameterInfo parameter, NullabilityInfoContext nullability)
    {
        // [property: Setting] lands on the record's property; a plain [Setting] on the parameter.
        var meta = parameter.GetCustomAttribute<SettingAttribute>()
            ?? parameter.Member.DeclaringType?.GetProperty(parameter.Name!)?.GetCustomAttribute<SettingAttribute>();
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var nullable = nullability.Create(parameter).WriteState == NullabilityState.Nullable;
        var defaultValue = meta?.DefaultJson is { } json ? JsonNode.Parse(json) : DefaultOf(parameter);
        return new SettingDescriptor
        {
            Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!),
            Type = SettingTypeOf(type, meta),
            DisplayName = meta?.DisplayName,
            Help = meta?.Help,
            Required = !nullable && !parameter.HasDefaultValue && meta?.DefaultJson is null,
            Default = defaultValue,
            Options = type.IsEnum ? [.. Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)] : [],
            AllowsExpressions = meta?.Expressions ?? true,
        };
    }

    private static JsonNode? DefaultOf(ParameterInfo parameter) =>
        parameter is { HasDefaultValue: true, DefaultValue: not null }
            ? JsonSerializer.SerializeToNode(parameter.DefaultValue, SettingsJson.Options)
            : null;

    private static SettingType SettingTypeOf(Type type, SettingAttribute? meta) => type switch
    {
        _ when type == typeof(string) => meta?.Multiline == true ? SettingType.MultilineText : SettingType.Text,
        _ when type == typeof(bool) => SettingType.Boolean,
        _ when type == typeof(int) || type == typeof(long) => SettingType.Integer,
        _ when type == typeof(double) || type == typeof(decimal) => SettingType.Number,
        _ when type == typeof(TimeSpan) => SettingType.Duration,
        _ when type == typeof(DateTimeOffset) => SettingType.DateTime,
        _ when type.IsEnum => SettingType.Choice,
        _ when type == typeof(JsonNode) && meta?.Deferred == true => meta.Multiline ? SettingType.MultilineText : SettingType.Text,
        _ when type == typeof(JsonNode) => SettingType.Json,
        _ when ElementType(type) == typeof(string) => SettingType.StringList,
        _ when ElementType(type) is not null => SettingType.ObjectList,
        _ => SettingType.Json,
    };

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : null;
}
