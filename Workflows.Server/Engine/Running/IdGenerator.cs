namespace FocWorkflows.Server.Engine.Running;

/// <summary>Makes ids; injected so tests can predict them. Version 7 GUIDs sort by creation time.</summary>
public class IdGenerator(TimeProvider time)
{
    public virtual string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
}
