using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Deliberation.Workflows;

/// <summary>
/// The joint statement end to end on the real clock, as in production: the timer worker closes the silence
/// procedure when its (short) window ends; consultations are closed early by the chair. The journal, written at
/// sub-millisecond times, verifies as read back from the database.
/// </summary>
public class JointStatementTests() : DatabaseSuite(standardWorkflows: true, time: TimeProvider.System, timerWorker: true)
{
    private static readonly TimeSpan SilenceWindow = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task JointStatement_OnTheRealClock_IsPublishedAsTheCoalitionWouldSignIt()
    {
        var scenario = new JointStatementScenario(App, FinishedAsync, "PT20S");

        var journal = await scenario.RunAsync();

        await AssertJournalVerifiesAsync(scenario, journal);
    }

    internal static async Task AssertJournalVerifiesAsync(JointStatementScenario scenario, JsonArray journal)
    {
        var verified = await scenario.VerifyJournalAsync();
        Assert.True(verified["intact"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(journal.Count, verified["entries"]!.GetValue<long>());
    }

    /// <summary>Waits (in real time) for the silence window to end and the timer worker to close the round.</summary>
    private static async Task FinishedAsync(Deliberator d)
    {
        var until = DateTimeOffset.UtcNow + SilenceWindow + TimeSpan.FromSeconds(40);
        while ((await d.InstanceAsync()).Str("status") != "finished")
        {
            Assert.True(DateTimeOffset.UtcNow < until, "The silence procedure did not close after its window.");
            await Task.Delay(250);
        }
    }
}

/// <summary>The same statement on a fake clock: the timer fires when the clock is moved, not waited for.</summary>
public class JointStatementFakeClockTests() : DatabaseSuite(standardWorkflows: true)
{
    [Fact]
    public async Task JointStatement_OnAFakeClock_LeavesAJournalThatVerifies()
    {
        var scenario = new JointStatementScenario(App, async _ =>
        {
            App.Clock.Advance(TimeSpan.FromSeconds(20));
            await App.Runtime.FireDueTimersAsync(CancellationToken.None);
        }, "PT20S");

        var journal = await scenario.RunAsync();

        await JointStatementTests.AssertJournalVerifiesAsync(scenario, journal);
    }
}
