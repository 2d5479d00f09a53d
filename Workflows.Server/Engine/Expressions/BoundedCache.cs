using System.Collections.Concurrent;

namespace FocWorkflows.Server.Engine.Expressions;

// Parsed scripts and templates keyed by their text. Definitions hold a few hundred distinct texts,
// so reaching the cap means something generates texts dynamically: starting over is cheaper and
// simpler than tracking recency, and keeps memory bounded either way.
internal sealed class BoundedCache<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    public TValue GetOrAdd(string key, Func<string, TValue> create)
    {
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // Created outside the dictionary so a failing parse is never cached and never holds a lock.
        var created = create(key);
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, created);
    }
}
