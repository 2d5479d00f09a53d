namespace FocWorkflows.Designer.Ports;

/// <summary>Tells a page that an instance moved on, so it can show the new state without a reload.</summary>
public interface IInstanceChanges
{
    /// <summary>
    /// Calls <paramref name="changed"/> with the instance's new stamp each time it is newer than the
    /// last one seen (starting from <paramref name="seenStamp"/>, the <see cref="InstanceView.Stamp"/>
    /// the page shows), until the returned watch is disposed. Calls never overlap: changes made
    /// meanwhile are folded into the next call.
    /// </summary>
    IDisposable Watch(string instanceId, long seenStamp, Func<long, Task> changed);
}
