using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Engine;

/// <summary>The chain itself, in memory: its canonical time and what verification names.</summary>
public sealed class JournalWriterTests
{
    private static Burst NewBurst(DateTimeOffset now)
    {
        var instance = new WorkflowInstance { Id = "instance-1", DefinitionId = "plain", DefinitionVersion = 1, InputJson = "{}" };
        return new Burst(instance, Flow.Define("plain").Start().Build(), [], [], now, People.Chair, null, new IdGenerator(TimeProvider.System));
    }

    private static List<JournalEntry> Chain(DateTimeOffset now, int lines)
    {
        var burst = NewBurst(now);
        for (var i = 0; i < lines; i++) JournalWriter.Append(burst, JournalEvents.Log, "start", details: new JsonObject { ["line"] = i });
        return burst.Journal;
    }

    private static JournalEntry With(JournalEntry e, DateTimeOffset? at = null, long? sequence = null) => new()
    {
        InstanceId = e.InstanceId, Sequence = sequence ?? e.Sequence, At = at ?? e.At, NodeId = e.NodeId, ActivityType = e.ActivityType,
        Event = e.Event, Actor = e.Actor, OnBehalfOf = e.OnBehalfOf, Outcome = e.Outcome, DetailsJson = e.DetailsJson,
        PreviousHash = e.PreviousHash, Hash = e.Hash,
    };

    [Fact]
    public void Append_TimeBetweenMilliseconds_KeepsItCutToTheMillisecond()
    {
        var now = TestApp.Epoch.AddTicks(1_234_567); // 123.4567 ms past the second

        var entry = JournalWriter.Append(NewBurst(now), JournalEvents.Log);

        Assert.Equal(TestApp.Epoch.AddMilliseconds(123), entry.At);
        Assert.Null(JournalWriter.Verify([entry]));
    }

    [Fact]
    public void Verify_ChainWrittenOnAWholeSecondBeforeTheCanonicalTime_StillVerifies()
    {
        // A line as the journal wrote it before times were cut to milliseconds: its hash over the time's UTC ticks.
        var at = TestApp.Epoch.AddSeconds(7);
        var fields = string.Join('\u001f', "instance-1", 1, at.UtcTicks, "start", null, JournalEvents.Log, People.Chair, null, null, "{\"line\":0}", null);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fields)));
        var entry = new JournalEntry
        {
            InstanceId = "instance-1", Sequence = 1, At = at, NodeId = "start", Event = JournalEvents.Log, Actor = People.Chair,
            DetailsJson = "{\"line\":0}", Hash = hash,
        };

        Assert.Null(JournalWriter.Verify([entry]));
        Assert.Equal(hash, Assert.Single(Chain(at, 1)).Hash);
    }

    [Fact]
    public void Verify_TimeMovedByATenthOfAMillisecond_NamesTheLine()
    {
        var chain = Chain(TestApp.Epoch.AddTicks(5_555), 4);

        chain[2] = With(chain[2], at: chain[2].At.AddTicks(1_000));

        Assert.Equal(3, JournalWriter.Verify(chain));
    }

    [Fact]
    public void Verify_LineMissingFromTheMiddle_NamesTheMissingSequence()
    {
        var chain = Chain(TestApp.Epoch, 5);

        chain.RemoveAt(1);

        Assert.Equal(2, JournalWriter.Verify(chain));
    }

    [Fact]
    public void End_LinesMissingFromTheEnd_NamesTheFirstMissing()
    {
        var chain = Chain(TestApp.Epoch, 5);
        var verifier = new JournalVerifier();
        foreach (var entry in chain.Take(3)) verifier.Add(entry);

        verifier.End(headSequence: 5, headHash: chain[^1].Hash);

        Assert.Equal(4, verifier.FirstBrokenSequence);
        Assert.Equal(3, verifier.Entries);
    }

    [Fact]
    public void End_LastLineReplacedByAnotherValidLine_NamesItFromTheHead()
    {
        var chain = Chain(TestApp.Epoch, 3);
        var verifier = new JournalVerifier();
        foreach (var entry in chain) verifier.Add(entry);

        verifier.End(headSequence: 3, headHash: "not-the-last-hash");

        Assert.Equal(3, verifier.FirstBrokenSequence);
    }
}
