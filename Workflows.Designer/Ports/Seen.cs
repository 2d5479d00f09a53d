namespace FocWorkflows.Designer.Ports;

/// <summary>Why a page shows nothing: there is no such thing (404), or it is not the viewer's to see (403).</summary>
public enum Refusal { NotFound, NotAllowed }

/// <summary>
/// A page's content as its viewer may see it: the view, or the refusal in its place. The server's ports
/// decide with the same rules as the API (<c>InstanceAccess</c>), so a page never shows what the API would refuse.
/// </summary>
public sealed record Seen<T>(T? View, Refusal? Refused) where T : class
{
    public static Seen<T> NotFound { get; } = new(null, Refusal.NotFound);

    public static Seen<T> NotAllowed { get; } = new(null, Refusal.NotAllowed);

    public static Seen<T> Shown(T view) => new(view, null);

    /// <summary>The view, or a refusal: null is "not found", as the ports' callers have always read it.</summary>
    public static Seen<T> Of(T? view) => view is null ? NotFound : Shown(view);
}
