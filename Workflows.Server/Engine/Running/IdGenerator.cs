using System.Globalization;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Makes ids; injected so tests can predict them. Version 7 GUIDs sort by creation time; within
/// one millisecond (or under a fake clock that stands still) the next id is the previous one plus
/// one, so ids always sort in the order they were made and lists ordered by id are stable.
/// </summary>
public class IdGenerator(TimeProvider time)
{
    private readonly Lock _gate = new();
    private UInt128 _last;

    public virtual string NewId()
    {
        var candidate = UInt128.Parse(Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _last = candidate > _last ? candidate : _last + 1;
            return _last.ToString("x32", CultureInfo.InvariantCulture);
        }
    }
}
