using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.Activities.Control;

public enum JoinMode { All, Any }

[Activity(ControlActivityTypes.Join, "Control", "Join",
    Description = "Waits for all incoming branches that can still arrive, or for the first one (cancelling the others).",
    Outcomes = [Outcomes.Done])]
public sealed class JoinActivity : Activity<JoinActivity.Settings>
{
    public sealed record Settings(JoinMode Mode = JoinMode.All);

    protected override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, Settings settings, CancellationToken ct)
    {
        var burst = context.Burst;
        JoinCoordinator.Arrive(burst, context.NodeId, context.InboundFrom, context.InboundOutcome);
        if (settings.Mode == JoinMode.Any)
        {
            foreach (var bookmark in JoinCoordinator.CancelSiblingBranches(burst, context.NodeId))
                context.CancelBookmark(bookmark);
        }
        else if (!JoinCoordinator.AllArrived(burst, context.NodeId))
        {
            return ValueTask.FromResult(ActivityResult.AwaitBranches());
        }
        JoinCoordinator.Release(burst, context.NodeId);
        return ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Done));
    }
}
