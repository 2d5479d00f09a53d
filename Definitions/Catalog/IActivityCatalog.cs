namespace FocWorkflows.Definitions.Catalog;

/// <summary>The activity types a server can run. The server builds it from its activity classes.</summary>
public interface IActivityCatalog
{
    IReadOnlyList<ActivityDescriptor> All { get; }

    ActivityDescriptor? Find(string type);
}

/// <summary>A catalog over a fixed list of descriptors.</summary>
public sealed class ActivityCatalog(IEnumerable<ActivityDescriptor> descriptors) : IActivityCatalog
{
    private readonly Dictionary<string, ActivityDescriptor> _byType =
        descriptors.ToDictionary(d => d.Type, StringComparer.Ordinal);

    public IReadOnlyList<ActivityDescriptor> All => [.. _byType.Values.OrderBy(d => d.Category).ThenBy(d => d.DisplayName)];

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);
}
