using System.Reflection;
using FocWorkflows.Definitions.Catalog;

namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// The activities this server can run, by stable type id, and the catalog generated from them.
/// </summary>
public sealed class ActivityRegistry : IActivityCatalog
{
    private readonly Dictionary<string, (IActivity Activity, ActivityDescriptor Descriptor)> _byType = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        foreach (var activity in activities)
        {
            var attribute = activity.GetType().GetCustomAttribute<ActivityAttribute>()
                ?? throw new InvalidOperationException($"{activity.GetType().Name} has no [Activity] attribute.");
            if (!_byType.TryAdd(attribute.Type, (activity, ActivityDescriptorFactory.Create(attribute, activity.SettingsType))))
                throw new InvalidOperationException($"Two activities claim the type id '{attribute.Type}'.");
        }
        All = [.. _byType.Values.Select(v => v.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName)];
    }

    public IReadOnlyList<ActivityDescriptor> All { get; }

    public ActivityDescriptor? Find(string type) => _byType.TryGetValue(type, out var entry) ? entry.Descriptor : null;

    public IActivity? FindActivity(string type) => _byType.TryGetValue(type, out var entry) ? entry.Activity : null;
}
