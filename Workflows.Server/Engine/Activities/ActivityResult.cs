using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// What an activity tells the interpreter: go on along these outcomes, wait on bookmarks, keep
/// waiting, wait for more branches (joins), or fault. Results, not exceptions, drive the flow.
/// </summary>
public abstract record ActivityResult
{
    public static ActivityResult Outcome(params string[] outcomes) => new Completed(outcomes);

    /// <summary>Finishes the whole instance, closing anything still open.</summary>
    public static ActivityResult EndInstance() => new Ended();

    public static ActivityResult Suspend(params Bookmark[] bookmarks) => new Suspended(bookmarks);

    /// <summary>A resume that did not finish the step: its bookmarks stay as they are.</summary>
    public static ActivityResult StaySuspended() => new StillSuspended();

    /// <summary>A join that must wait for more branches; it has no bookmark of its own.</summary>
    public static ActivityResult AwaitBranches() => new AwaitingBranches();

    public static ActivityResult Fault(string reason) => new Faulted(reason);

    public sealed record Completed(IReadOnlyList<string> Outcomes) : ActivityResult;
    public sealed record Ended : ActivityResult;
    public sealed record Suspended(IReadOnlyList<Bookmark> Bookmarks) : ActivityResult;
    public sealed record StillSuspended : ActivityResult;
    public sealed record AwaitingBranches : ActivityResult;
    public sealed record Faulted(string Reason) : ActivityResult;
}
